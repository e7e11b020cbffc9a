/**
 * The domain core of activation codes: plain Java, no Keycloak types, so every rule is unit-tested.
 *
 * <h2>Lifecycle</h2>
 * <ol>
 *   <li>{@link eu.unify.keycloak.activation.code.ResendThrottle} decides whether a code may be sent now.</li>
 *   <li>{@link eu.unify.keycloak.activation.code.CodeGenerator} draws a code from a {@link java.security.SecureRandom}.</li>
 *   <li>{@link eu.unify.keycloak.activation.code.CodeHasher} turns it into a {@link eu.unify.keycloak.activation.code.HashedCode};
 *       only that hash is stored, in a {@link eu.unify.keycloak.activation.code.StoredCode}. The plaintext goes into the
 *       message and is then forgotten.</li>
 *   <li>{@link eu.unify.keycloak.activation.code.CodeNormalizer} turns what the user typed into the canonical form,
 *       or rejects it before the store is touched.</li>
 *   <li>{@link eu.unify.keycloak.activation.code.CodeCheck} decides VALID / WRONG / EXPIRED / EXHAUSTED / CONSUMED /
 *       NO_CODE and says what to persist.</li>
 * </ol>
 *
 * <h2>Newest code only</h2>
 * Only the newest code of a (subject, purpose) pair is valid. The store enforces this by keeping exactly one code per
 * pair: issuing a new code replaces the previous one, and the store's lookup returns only that one. Everything in this
 * package therefore sees at most one candidate code, and an older code typed by the user simply fails to match.
 *
 * <h2>Alphabet and look-alikes</h2>
 * Session codes are ASCII digits. Account codes use Crockford's base 32 alphabet
 * {@code 0123456789ABCDEFGHJKMNPQRSTVWXYZ}: the letters I, L, O and U are left out, so no symbol has a look-alike in the
 * alphabet. Because users still type what they think they see, the normaliser maps a typed {@code O} to {@code 0} and
 * a typed {@code I} or {@code L} to {@code 1} (for both kinds; case is ignored first). {@code U} and every other
 * character outside the alphabet is rejected.
 */
package eu.unify.keycloak.activation.code;
