package eu.unify.keycloak.activation.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CodeHasherTest {

    /** Bytes 0x00..0x1f; the expected values below were computed independently with {@code openssl dgst -hmac}. */
    private static final byte[] KEY = sequentialKey();

    private final CodeHasher hasher = new CodeHasher("kid-1", KEY);

    @Test
    void sessionHashFollowsTheDocumentedLayout() {
        // HMAC-SHA256(key, "unify-code/v1" 0x00 "activation" 0x00 "user-1" 0x00 "12345678"), base64url, no padding
        HashedCode hashed = hasher.hashSessionCode(CodePurpose.ACTIVATION, "user-1", "12345678");
        assertThat(hashed.keyId()).isEqualTo("kid-1");
        assertThat(hashed.hash()).isEqualTo("i6f9CT1peBsPvBfuChQNgiAOTK5rW_AGF19_KNWorus");
    }

    @Test
    void accountHashFollowsTheDocumentedLayout() {
        // HMAC-SHA256(key, "unify-code/v1" 0x00 "account-link" 0x00 "K7Q29XMD4TPAR3")
        assertThat(hasher.hashAccountCode(CodePurpose.ACCOUNT_LINK, "K7Q29XMD4TPAR3").hash())
                .isEqualTo("fuIDzWX2tyYBuNzVoznxCwDGa3eKk3hWiBmmG58yAlo");
    }

    @Test
    void identifierHashFollowsTheDocumentedLayoutApartFromCodes() {
        // HMAC-SHA256(key, "unify-identifier/v1" 0x00 "reset-credentials" 0x00 "anna@example.com")
        HashedCode hashed = hasher.hashIdentifier(CodePurpose.RESET_CREDENTIALS, "anna@example.com");
        assertThat(hashed.hash()).isEqualTo("sBep5lJ6HZCRZmkmNM6-8jT3RRPA0oRATbfBCRtpmJo");
        assertThat(hasher.hashIdentifier(CodePurpose.RESET_CREDENTIALS, "anna").hash()).isNotEqualTo(hashed.hash());
        assertThatThrownBy(() -> hasher.hashIdentifier(CodePurpose.RESET_CREDENTIALS, "a\0b"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void outputIsUnpaddedBase64urlOf256Bits() {
        String hash = hasher.hashSessionCode(CodePurpose.RESET_CREDENTIALS, "u", "00000000").hash();
        assertThat(hash).hasSize(43).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void sameInputSameHash() {
        assertThat(hasher.hashSessionCode(CodePurpose.ACTIVATION, "user-1", "12345678"))
                .isEqualTo(new CodeHasher("kid-1", KEY).hashSessionCode(CodePurpose.ACTIVATION, "user-1", "12345678"));
    }

    @Test
    void sameCodeForAnotherUserHashesDifferently() {
        HashedCode alice = hasher.hashSessionCode(CodePurpose.ACTIVATION, "alice", "12345678");
        HashedCode bob = hasher.hashSessionCode(CodePurpose.ACTIVATION, "bob", "12345678");
        assertThat(alice.hash()).isNotEqualTo(bob.hash());
        assertThat(CodeHasher.matches(alice, bob)).isFalse();
    }

    @Test
    void sameCodeForAnotherPurposeHashesDifferently() {
        assertThat(hasher.hashSessionCode(CodePurpose.ACTIVATION, "alice", "12345678").hash())
                .isNotEqualTo(hasher.hashSessionCode(CodePurpose.RESET_CREDENTIALS, "alice", "12345678").hash());
        assertThat(hasher.hashAccountCode(CodePurpose.ACCOUNT_LINK, "K7Q29XMD4TPAR3").hash())
                .isNotEqualTo(hasher.hashAccountCode(CodePurpose.ACTIVATION_IN_MESSAGE, "K7Q29XMD4TPAR3").hash());
    }

    @Test
    void differentCodesHashDifferently() {
        assertThat(hasher.hashSessionCode(CodePurpose.ACTIVATION, "alice", "12345678").hash())
                .isNotEqualTo(hasher.hashSessionCode(CodePurpose.ACTIVATION, "alice", "12345679").hash());
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        // Without separators "user-1" + "12345678" and "user-11" + "2345678" would be the same bytes.
        // (7 and 8 are both legal session code lengths.)
        assertThat(hasher.hashSessionCode(CodePurpose.ACTIVATION, "user-1", "12345678").hash())
                .isNotEqualTo(hasher.hashSessionCode(CodePurpose.ACTIVATION, "user-11", "2345678").hash());
    }

    @Test
    void anotherKeyGivesAnotherHash() {
        byte[] otherKey = sequentialKey();
        otherKey[0] ^= 1;
        HashedCode mine = hasher.hashSessionCode(CodePurpose.ACTIVATION, "alice", "12345678");
        HashedCode theirs = new CodeHasher("kid-1", otherKey).hashSessionCode(CodePurpose.ACTIVATION, "alice",
                "12345678");
        assertThat(theirs.hash()).isNotEqualTo(mine.hash());
    }

    @Test
    void keyIsCopiedSoTheCallerMayWipeIt() {
        byte[] key = sequentialKey();
        CodeHasher own = new CodeHasher("kid-1", key);
        java.util.Arrays.fill(key, (byte) 0);
        assertThat(own.hashSessionCode(CodePurpose.ACTIVATION, "user-1", "12345678").hash())
                .isEqualTo("i6f9CT1peBsPvBfuChQNgiAOTK5rW_AGF19_KNWorus");
    }

    @Test
    void refusesPurposesOfTheOtherKind() {
        assertThatThrownBy(() -> hasher.hashSessionCode(CodePurpose.ACCOUNT_LINK, "alice", "K7Q29XMD4TPAR3"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ACCOUNT");
        assertThatThrownBy(() -> hasher.hashAccountCode(CodePurpose.ACTIVATION, "12345678"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SESSION");
    }

    @Test
    void refusesCodesThatAreNotCanonical() {
        assertThatThrownBy(() -> hasher.hashAccountCode(CodePurpose.ACCOUNT_LINK, "K7Q2-9XMD-4TPA-R3"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> hasher.hashAccountCode(CodePurpose.ACCOUNT_LINK, "k7q29xmd4tpar3"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> hasher.hashSessionCode(CodePurpose.ACTIVATION, "alice", "1234 5678"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> hasher.hashSessionCode(CodePurpose.ACTIVATION, "alice", "12345"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> hasher.hashSessionCode(CodePurpose.ACTIVATION, "alice", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesSubjectsThatWouldBreakTheLayout() {
        assertThatThrownBy(() -> hasher.hashSessionCode(CodePurpose.ACTIVATION, "ali\0ce", "12345678"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NUL");
        assertThatThrownBy(() -> hasher.hashSessionCode(CodePurpose.ACTIVATION, " ", "12345678"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> hasher.hashSessionCode(CodePurpose.ACTIVATION, null, "12345678"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesWeakKeysAndBlankKeyIds() {
        assertThatThrownBy(() -> new CodeHasher("kid", new byte[15]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16");
        assertThat(new CodeHasher("kid", new byte[16]).keyId()).isEqualTo("kid");
        assertThatThrownBy(() -> new CodeHasher(" ", KEY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CodeHasher("kid", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void matchesComparesWholeHashes() {
        String hash = hasher.hashSessionCode(CodePurpose.ACTIVATION, "alice", "12345678").hash();
        String lastCharChanged = hash.substring(0, hash.length() - 1) + (hash.endsWith("A") ? "B" : "A");
        assertThat(CodeHasher.matches(hash, new String(hash))).isTrue();
        assertThat(CodeHasher.matches(hash, lastCharChanged)).isFalse();
        assertThat(CodeHasher.matches(hash, hash.substring(0, 42))).isFalse();
        assertThat(CodeHasher.matches(hash, hash + "A")).isFalse();
        assertThat(CodeHasher.matches(hash, null)).isFalse();
        assertThat(CodeHasher.matches(null, hash)).isFalse();
        assertThat(CodeHasher.matches((String) null, null)).isFalse();
    }

    @Test
    void hashesMadeWithDifferentKeyIdsNeverMatch() {
        HashedCode stored = new HashedCode("kid-1", "abc");
        assertThat(CodeHasher.matches(stored, new HashedCode("kid-1", "abc"))).isTrue();
        assertThat(CodeHasher.matches(stored, new HashedCode("kid-2", "abc"))).isFalse();
        assertThat(CodeHasher.matches(stored, null)).isFalse();
    }

    @Test
    void hashedCodeNeedsKeyIdAndHash() {
        assertThatThrownBy(() -> new HashedCode("", "abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HashedCode("kid", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HashedCode(null, "abc")).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] sequentialKey() {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) i;
        }
        return key;
    }
}
