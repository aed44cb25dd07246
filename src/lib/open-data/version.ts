/** The open-data API's version. `v1` changes only by adding fields; the minor number counts those additions. */
export const apiVersion = 'v1';
/** 1.1: blueprints gained `artefacts` (the slugs of the templates that go with them), `adaptedFrom`, `adoptions` and `adaptedInto`. */
/** 1.2: taxonomy.json gained the adoption stages; blueprints.csv gained the adoption and adaptation columns. */
/** 1.3: blueprints gained `funding` (who paid), taxonomy.json the `fundingSources` vocabulary and blueprints.csv a `funding` column. */
export const schemaVersion = '1.3';
