/** The open-data API's version. `v1` changes only by adding fields; the minor number counts those additions. */
export const apiVersion = 'v1';
export const schemaVersion = '1.1';
