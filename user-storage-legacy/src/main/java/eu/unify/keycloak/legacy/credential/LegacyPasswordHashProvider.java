package eu.unify.keycloak.legacy.credential;

import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.credential.PasswordCredentialModel;

import eu.unify.keycloak.legacy.hash.LegacyHash;
import eu.unify.keycloak.legacy.hash.LegacyPasswordVerifier;
import eu.unify.keycloak.legacy.hash.VerifyResult;

/**
 * Verifies a password credential that still holds a legacy hash. It never creates one: after a successful login
 * Keycloak asks the realm's own hash provider whether the credential meets the policy, which a legacy algorithm never
 * does, and re-hashes the password with it. Stateless.
 */
final class LegacyPasswordHashProvider implements PasswordHashProvider {

    private static final Logger LOG = Logger.getLogger(LegacyPasswordHashProvider.class);

    private final LegacyCredentialAlgorithm algorithm;

    LegacyPasswordHashProvider(LegacyCredentialAlgorithm algorithm) {
        this.algorithm = algorithm;
    }

    /** A legacy hash never satisfies a password policy, so it is always replaced at the next successful login. */
    @Override
    public boolean policyCheck(PasswordPolicy policy, PasswordCredentialModel credential) {
        return false;
    }

    /** Legacy hashes are only carried over, never made: choosing this algorithm in a realm's policy is an error. */
    @Override
    public PasswordCredentialModel encodedCredential(String rawPassword, int iterations) {
        throw new UnsupportedOperationException(algorithm.id()
                + " only verifies passwords carried over from a legacy system; choose another hashing algorithm"
                + " in the realm's password policy");
    }

    @Override
    public boolean verify(String rawPassword, PasswordCredentialModel credential) {
        Optional<LegacyHash> hash = LegacyPasswordCredentials.toLegacyHash(algorithm, credential);
        if (hash.isEmpty()) {
            // Never the hash itself: only which credential is unusable.
            LOG.warnf("Password credential %s does not hold a well-formed %s hash; it can't be used to sign in",
                    credential.getId(), algorithm.id());
            return false;
        }
        return LegacyPasswordVerifier.verify(rawPassword, hash.get()) == VerifyResult.MATCH;
    }

    @Override
    public String credentialHashingStrength(PasswordCredentialModel credential) {
        return algorithm.id();
    }

    @Override
    public void close() {
    }
}
