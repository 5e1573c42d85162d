/**
 * The orientation basket: offers a referent picked for a person, kept in this browser only
 * (localStorage) and synchronised between tabs. It holds offer ids and names, never anything about
 * the person.
 */
import { createStore, useStore } from './store.ts';

export interface BasketItem {
  id: string;
  name: string;
  structureName: string;
}

const KEY = 'offre-insertion:orientation';
export const BASKET_MAX = 30;

function read(): BasketItem[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed
      .filter((i): i is BasketItem => typeof i?.id === 'string' && typeof i?.name === 'string')
      .map((i) => ({ id: i.id, name: i.name, structureName: typeof i.structureName === 'string' ? i.structureName : '' }))
      .slice(0, BASKET_MAX);
  } catch {
    return [];
  }
}

const basket = createStore<BasketItem[]>([]);
let started = false;

function write(items: BasketItem[]): void {
  basket.set(items);
  try {
    localStorage.setItem(KEY, JSON.stringify(items));
  } catch {
    // Private browsing or a full storage: the basket still works for this page.
  }
}

export function startBasket(): void {
  if (started) return;
  started = true;
  basket.set(read());
  window.addEventListener('storage', (event) => {
    if (event.key === KEY) basket.set(read());
  });
}

export const useBasket = (): BasketItem[] => useStore(basket);

export function inBasket(items: readonly BasketItem[], id: string): boolean {
  return items.some((i) => i.id === id);
}

export function addToBasket(item: BasketItem): void {
  const items = basket.get();
  if (inBasket(items, item.id) || items.length >= BASKET_MAX) return;
  write([...items, item]);
}

export function removeFromBasket(id: string): void {
  write(basket.get().filter((i) => i.id !== id));
}

export function clearBasket(): void {
  write([]);
}

/** Replaces the basket (opening a shared orientation "as mine"). */
export function replaceBasket(items: BasketItem[]): void {
  write(items.slice(0, BASKET_MAX));
}
