package eu.unify.keycloak.legacy.credential;

/** {@code unify-legacy-ldap} verifies carried-over LDAP {@code userPassword} values ({@code {SSHA}}, {@code {SHA}}, {@code {SSHA256}}, {@code {SSHA512}}, {@code {MD5}}, {@code {SMD5}}, {@code {CRYPT}}). */
public final class LdapLegacyHashProviderFactory extends LegacyPasswordHashProviderFactory {

    public LdapLegacyHashProviderFactory() {
        super(LegacyCredentialAlgorithm.LDAP);
    }
}
