/** Territories: COG communes, EPCI, départements, régions, areas (a département's own named groups of communes) and contours. */
export const statements = [
  `CREATE TABLE regions (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL
  )`,
  `CREATE TABLE departements (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    region_code TEXT NOT NULL REFERENCES regions(code),
    chef_lieu TEXT NOT NULL
  )`,
  `CREATE TABLE epci (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    population INTEGER
  )`,
  `CREATE TABLE communes (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    search_name TEXT NOT NULL,
    departement_code TEXT NOT NULL REFERENCES departements(code),
    region_code TEXT NOT NULL,
    epci_code TEXT REFERENCES epci(code),
    arrondissement_code TEXT,
    postal_codes TEXT NOT NULL DEFAULT '',
    population INTEGER NOT NULL DEFAULT 0,
    lon REAL,
    lat REAL
  )`,
  `CREATE INDEX communes_departement ON communes(departement_code)`,
  `CREATE INDEX communes_epci ON communes(epci_code)`,
  `CREATE INDEX communes_search_name ON communes(search_name)`,
  `CREATE TABLE areas (
    id TEXT PRIMARY KEY,
    departement_code TEXT NOT NULL REFERENCES departements(code),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    chef_lieu TEXT
  )`,
  `CREATE TABLE area_communes (
    area_id TEXT NOT NULL REFERENCES areas(id) ON DELETE CASCADE,
    commune_code TEXT NOT NULL REFERENCES communes(code),
    PRIMARY KEY (area_id, commune_code)
  )`,
  `CREATE INDEX area_communes_commune ON area_communes(commune_code)`,
  `CREATE TABLE contours (
    kind TEXT NOT NULL,
    code TEXT NOT NULL,
    geometry TEXT NOT NULL,
    PRIMARY KEY (kind, code)
  )`,
  `CREATE TABLE territory_loads (
    id INTEGER PRIMARY KEY,
    cog_version TEXT NOT NULL,
    communes INTEGER NOT NULL,
    centres INTEGER NOT NULL,
    loaded_at TEXT NOT NULL
  )`,
];
