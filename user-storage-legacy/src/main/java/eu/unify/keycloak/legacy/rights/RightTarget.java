package eu.unify.keycloak.legacy.rights;

/** What one legacy right grants in Keycloak: a client role, a realm role, or membership of a group. */
public sealed interface RightTarget permits RightTarget.ClientRole, RightTarget.RealmRole, RightTarget.Group {

    /** The target as written in the mapping, e.g. {@code client:shop:access}. */
    String text();

    /** A role of a client; a Unify service's {@code access} role grants that service. */
    record ClientRole(String clientId, String role) implements RightTarget {
        @Override
        public String text() {
            return "client:" + clientId + ":" + role;
        }
    }

    record RealmRole(String role) implements RightTarget {
        @Override
        public String text() {
            return "role:" + role;
        }
    }

    /** A group by its full path, always starting with {@code /}. */
    record Group(String path) implements RightTarget {
        @Override
        public String text() {
            return "group:" + path;
        }
    }
}
