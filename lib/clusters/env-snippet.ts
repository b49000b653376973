import { stringify } from "yaml";

/**
 * The `env:` entries that read every key of a Secret (one secretKeyRef
 * each), ready to paste under a container. `names` overrides the variable
 * name per key; the default is the key upper-cased, with anything a shell
 * variable cannot hold turned into `_`. Note: written by a YAML library, so a
 * key or name of any text comes out quoted as YAML needs, never raw.
 */
export function envSnippet(secret: string, keys: string[], names: Record<string, string> = {}): string {
  const env = keys.map((key) => ({ name: names[key] || envName(key), valueFrom: { secretKeyRef: { name: secret, key } } }));
  return stringify({ env }, { indent: 2 });
}

/** `rds_instance_endpoint` -> `RDS_INSTANCE_ENDPOINT`; `tls.crt` -> `TLS_CRT`; a leading digit gets a `_`. */
export function envName(key: string): string {
  const name = key.toUpperCase().replace(/[^A-Z0-9_]/g, "_");
  return /^[0-9]/.test(name) ? `_${name}` : name;
}
