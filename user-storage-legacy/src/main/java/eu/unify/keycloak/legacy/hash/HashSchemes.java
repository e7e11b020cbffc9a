package eu.unify.keycloak.legacy.hash;

/** The one stateless {@link HashScheme} of each family. */
final class HashSchemes {

    private static final HashScheme BCRYPT = new BcryptScheme();
    private static final HashScheme MD5_CRYPT = new CryptScheme(LegacyHashFamily.MD5_CRYPT);
    private static final HashScheme SHA256_CRYPT = new CryptScheme(LegacyHashFamily.SHA256_CRYPT);
    private static final HashScheme SHA512_CRYPT = new CryptScheme(LegacyHashFamily.SHA512_CRYPT);
    private static final HashScheme ARGON2 = new Argon2Scheme();
    private static final HashScheme DJANGO_PBKDF2 = new DjangoPbkdf2Scheme();
    private static final HashScheme LDAP = new LdapScheme();
    private static final HashScheme BARE_DIGEST = new BareDigestScheme();

    private HashSchemes() {
    }

    static HashScheme of(LegacyHashFamily family) {
        return switch (family) {
            case BCRYPT -> BCRYPT;
            case MD5_CRYPT -> MD5_CRYPT;
            case SHA256_CRYPT -> SHA256_CRYPT;
            case SHA512_CRYPT -> SHA512_CRYPT;
            case ARGON2 -> ARGON2;
            case DJANGO_PBKDF2 -> DJANGO_PBKDF2;
            case LDAP -> LDAP;
            case BARE_DIGEST -> BARE_DIGEST;
        };
    }
}
