/** The app shell: skip link, header, the current page, footer. */
import { Header } from './components/layout/header.tsx';
import { Footer } from './components/layout/footer.tsx';
import { RouteView } from './components/layout/route-view.tsx';

export function App() {
  return (
    <>
      <a class="skip-link" href="#contenu">
        Aller au contenu
      </a>
      <Header />
      <main id="contenu" tabIndex={-1}>
        <RouteView />
      </main>
      <Footer />
    </>
  );
}
