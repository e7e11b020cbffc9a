/**
 * The audit record and what is done with it, in plain Java (no Keycloak types): which event details may be kept, the
 * hash chain and its verification, masking, and the JSON and CSV forms of a record.
 */
package eu.unify.keycloak.audit.record;
