package eu.unify.keycloak.legacy.hash;

import java.util.regex.Pattern;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * bcrypt through Bouncy Castle's {@link OpenBSDBCrypt}, which compares in constant time. Like every bcrypt, it uses
 * only the first 72 bytes of the password.
 */
final class BcryptScheme implements HashScheme {

    // $2x$ (crypt_blowfish's marker for its old sign-extension bug) is deliberately not accepted: Bouncy Castle would
    // check it as $2a$, which is not what produced such hashes.
    private static final Pattern FORMAT =
            Pattern.compile("\\$2[aby]\\$(0[4-9]|[12][0-9]|3[01])\\$[./A-Za-z0-9]{53}");

    @Override
    public boolean isWellFormed(LegacyHash hash) {
        return FORMAT.matcher(hash.hash()).matches();
    }

    @Override
    public VerifyResult verify(byte[] password, LegacyHash hash) {
        if (!isWellFormed(hash)) {
            return VerifyResult.UNSUPPORTED_FORMAT;
        }
        return HashScheme.of(OpenBSDBCrypt.checkPassword(hash.hash(), password));
    }
}
