package eu.unify.keycloak.legacy.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LegacyPasswordVerifierTest {

    private final LegacyPasswordVerifier verifier = new LegacyPasswordVerifier();

    static List<LegacyHashFixtures> fixtures() {
        return LegacyHashFixtures.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void theRightPasswordMatchesAHashMadeByTheRealTool(LegacyHashFixtures row) {
        LegacyPasswordVerifier rowVerifier = row.verifier();

        assertThat(rowVerifier.verify(row.password(), row.hash(), row.salt(), row.hint()))
                .as(row.command())
                .isEqualTo(VerifyResult.MATCH);
        assertThat(rowVerifier.matches(row.password(), row.hash(), row.salt(), row.hint())).isTrue();
        assertThat(rowVerifier.resolve(row.hash(), row.salt(), row.hint()))
                .hasValueSatisfying(hash -> assertThat(hash.family()).isEqualTo(row.expectedFamily()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void aWrongPasswordDoesNotMatch(LegacyHashFixtures row) {
        LegacyPasswordVerifier rowVerifier = row.verifier();

        String password = row.password();
        List<String> wrongs = new java.util.ArrayList<>(List.of(password.toUpperCase(), "", " " + password,
                "X" + password.substring(1)));
        // bcrypt ignores everything after 72 bytes, so changing the end of a longer password changes nothing.
        if (row.expectedFamily() != LegacyHashFamily.BCRYPT
                || password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 72) {
            wrongs.add(password + "!");
            wrongs.add(password.substring(0, password.length() - 1));
        }
        for (String wrong : wrongs) {
            assertThat(rowVerifier.verify(wrong, row.hash(), row.salt(), row.hint()))
                    .as("%s with %s", row.id(), wrong)
                    .isEqualTo(VerifyResult.MISMATCH);
        }
        assertThat(rowVerifier.verify(null, row.hash(), row.salt(), row.hint())).isEqualTo(VerifyResult.MISMATCH);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void theRowsSaltIsPartOfASaltedDigest(LegacyHashFixtures row) {
        if (row.salt() == null) {
            return;
        }
        assertThat(row.verifier().verify(row.password(), row.hash(), row.salt() + "x", row.hint()))
                .isEqualTo(VerifyResult.MISMATCH);
        assertThat(row.verifier().verify(row.password(), row.hash(), null, row.hint()))
                .isEqualTo(VerifyResult.MISMATCH);
    }

    @Test
    void theFixturesCoverEveryFamily() {
        Set<LegacyHashFamily> covered = fixtures().stream()
                .map(LegacyHashFixtures::expectedFamily)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(LegacyHashFamily.class)));

        assertThat(covered).containsExactlyInAnyOrder(LegacyHashFamily.values());
    }

    @Test
    void theFixturesCoverEveryLdapSchemeExceptUnsaltedSha2AndEveryCryptVariant() {
        String hashes = fixtures().stream().map(LegacyHashFixtures::hash).collect(Collectors.joining("\n"));

        assertThat(hashes).contains("{SSHA}", "{SHA}", "{SSHA256}", "{SSHA512}", "{MD5}", "{SMD5}", "{CRYPT}$6$",
                "$2a$", "$2b$", "$2y$", "$1$", "$apr1$", "$5$rounds=", "$6$rounds=", "$5$", "$6$",
                "$argon2id$", "$argon2i$", "$argon2d$", "$argon2id$v=16$", "pbkdf2_sha256$", "pbkdf2_sha1$");
    }

    @Test
    void bcryptUsesTheFirst72BytesOfThePasswordLikeTheToolThatMadeIt() {
        LegacyHashFixtures row = fixture("bcrypt-2y-long-password");
        String password = row.password();
        assertThat(password.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSizeGreaterThan(80);

        // 71 characters are the first 72 bytes: the password has one two-byte character (ü) before them.
        String sameFirst72Bytes = password.substring(0, 71) + "-something else entirely";
        assertThat(sameFirst72Bytes.substring(0, 71).getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSize(72);
        assertThat(verifier.verify(sameFirst72Bytes, row.hash(), null, null)).isEqualTo(VerifyResult.MATCH);
        assertThat(verifier.verify(password.substring(0, 60), row.hash(), null, null))
                .isEqualTo(VerifyResult.MISMATCH);
    }

    @Test
    void aHashPaddedByACharColumnStillMatches() {
        LegacyHashFixtures row = fixture("bcrypt-2y-htpasswd");

        assertThat(verifier.verify(row.password(), "  " + row.hash() + "    ", null, null))
                .isEqualTo(VerifyResult.MATCH);
    }

    @Test
    void theHintOverridesTheSettingsAndRecognition() {
        LegacyHashFixtures sha1 = fixture("sha1-base64-hint-overrides");
        LegacyPasswordVerifier md5Settings = sha1.verifier();

        assertThat(md5Settings.verify(sha1.password(), sha1.hash(), sha1.salt(), null))
                .as("without the hint, the store's MD5/hex settings can't read a base64 SHA-1")
                .isEqualTo(VerifyResult.UNSUPPORTED_FORMAT);
        assertThat(md5Settings.verify(sha1.password(), sha1.hash(), sha1.salt(), "SHA_1 : SALT_BEFORE : B64"))
                .isEqualTo(VerifyResult.MATCH);
        assertThat(md5Settings.verify(sha1.password(), sha1.hash(), sha1.salt(), "sha1:salt-after:base64"))
                .isEqualTo(VerifyResult.MISMATCH);
    }

    @Test
    void hintNamesIgnoreCaseAndSeparators() {
        assertThat(verifier.verify(fixture("bcrypt-2y-htpasswd").password(), fixture("bcrypt-2y-htpasswd").hash(),
                null, "BCrypt")).isEqualTo(VerifyResult.MATCH);
        LegacyHashFixtures sha512 = fixture("sha512crypt-openssl");
        assertThat(verifier.verify(sha512.password(), sha512.hash(), null, "SHA512-Crypt"))
                .isEqualTo(VerifyResult.MATCH);
        LegacyHashFixtures django = fixture("django-pbkdf2-sha1");
        assertThat(verifier.verify(django.password(), django.hash(), null, "pbkdf2_sha1"))
                .isEqualTo(VerifyResult.MATCH);
        LegacyHashFixtures ldap = fixture("ldap-ssha-slappasswd");
        assertThat(verifier.verify(ldap.password(), ldap.hash(), null, "SSHA")).isEqualTo(VerifyResult.MATCH);
        LegacyHashFixtures argon = fixture("argon2id-cli");
        assertThat(verifier.verify(argon.password(), argon.hash(), null, "argon2id")).isEqualTo(VerifyResult.MATCH);
    }

    @Test
    void ldapSchemeNamesIgnoreCase() {
        LegacyHashFixtures row = fixture("ldap-ssha-slappasswd");

        assertThat(verifier.verify(row.password(), row.hash().replace("{SSHA}", "{ssha}"), null, null))
                .isEqualTo(VerifyResult.MATCH);
    }

    @Test
    void anEmptySaltIsNoSalt() {
        LegacyHashFixtures row = fixture("md5-hex-unsalted");

        assertThat(row.verifier().verify(row.password(), row.hash(), "", null)).isEqualTo(VerifyResult.MATCH);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "whirlpool", "sha384", "des", "bcrypt:hex", "sha256:salt-middle", "sha256:hex:utf16", "md5crypt:before", ":"})
    void anUnknownOrInapplicableHintIsUnsupported(String hint) {
        LegacyHashFixtures row = fixture("sha256-hex-salt-after");

        assertThat(row.verifier().verify(row.password(), row.hash(), row.salt(), hint))
                .isEqualTo(VerifyResult.UNSUPPORTED_FORMAT);
    }

    @Test
    void aHintContradictingASelfDescribingHashIsUnsupported() {
        LegacyHashFixtures row = fixture("sha512crypt-openssl");

        assertThat(verifier.verify(row.password(), row.hash(), null, "bcrypt"))
                .isEqualTo(VerifyResult.UNSUPPORTED_FORMAT);
        assertThat(verifier.verify(row.password(), row.hash(), null, "sha256crypt"))
                .isEqualTo(VerifyResult.UNSUPPORTED_FORMAT);
        assertThat(verifier.verify(row.password(), row.hash(), null, "sha512"))
                .as("a digest hint reads the crypt string as a digest, which it is not")
                .isEqualTo(VerifyResult.UNSUPPORTED_FORMAT);
    }

    @Test
    void aDigestOfTheWrongLengthForTheSettingsIsUnsupportedNotAMismatch() {
        LegacyHashFixtures md5 = fixture("md5-hex-unsalted");

        assertThat(verifier.verify(md5.password(), md5.hash(), null, null))
                .as("default settings read SHA-256")
                .isEqualTo(VerifyResult.UNSUPPORTED_FORMAT);
        assertThat(verifier.verify(md5.password(), md5.hash(), null, "md5")).isEqualTo(VerifyResult.MATCH);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "   ",
            "$2y$10$short",
            "$2y$03$N326AR/mwnYQkgAbL2MjNOgg0bhic.VkYIG3rAfWlPXZ91FddYbb.",
            "$2y$32$N326AR/mwnYQkgAbL2MjNOgg0bhic.VkYIG3rAfWlPXZ91FddYbb.",
            "$2x$10$N326AR/mwnYQkgAbL2MjNOgg0bhic.VkYIG3rAfWlPXZ91FddYbb.",
            "$2y$10$N326AR/mwnYQkgAbL2MjNOgg0bhic.VkYIG3rAfWlPXZ91FddYbb!",
            "$1$VspEGdFD$Gt44y1bwmljkmwMpZqOs",
            "$1$$Gt44y1bwmljkmwMpZqOs.1",
            "$1$toolongsalt$Gt44y1bwmljkmwMpZqOs.1",
            "$5$rounds=abc$I1r5deeKyy/ZwFQk$teEOi2dayVGhkkpCLSfWUScqgNIRr04t.p56.kN0UD0",
            "$6$zZV12ST6coRaX.9g$tooShort",
            "$argon2id$v=19$m=8192,t=2$NWU0MzkyMjFjOGQzNmJlMg$L5qm+ysW3h2MasKZLGZwTxkTJkHnE2pZ0bD8rJ1Qb2w",
            "$argon2id$v=19$m=8192,t=2,p=2,x=1$NWU0MzkyMjFjOGQzNmJlMg$L5qm+ysW3h2MasKZLGZwTxkTJkHnE2pZ0bD8rJ1Qb2w",
            "$argon2id$v=19$m=4194304,t=2,p=2$NWU0MzkyMjFjOGQzNmJlMg$L5qm+ysW3h2MasKZLGZwTxkTJkHnE2pZ0bD8rJ1Qb2w",
            "$argon2id$v=19$m=8192,t=99999,p=2$NWU0MzkyMjFjOGQzNmJlMg$L5qm+ysW3h2MasKZLGZwTxkTJkHnE2pZ0bD8rJ1Qb2w",
            "$argon2id$v=19$m=8192,t=2,p=2$NWU0MzkyMjFjOGQzNmJlMg$not*base64",
            "$argon2id$v=20$m=8192,t=2,p=2$NWU0MzkyMjFjOGQzNmJlMg$L5qm+ysW3h2MasKZLGZwTxkTJkHnE2pZ0bD8rJ1Qb2w",
            "$argon2id$v=19$m=8192,t=2,p=2$NWU0MzkyMjFjOGQzNmJlMg",
            "$argon2id$v=19$m=99999999999,t=2,p=2$NWU0MzkyMjFjOGQzNmJlMg$L5qm+ysW3h2MasKZLGZwTxkTJkHnE2pZ0bD8rJ1Qb2w",
            "pbkdf2_sha256$0$salt$H0jg+BeA91hr1oWp5vGspXWkeMn0C72kIldnDX1p4E4=",
            "pbkdf2_sha256$99999999$salt$H0jg+BeA91hr1oWp5vGspXWkeMn0C72kIldnDX1p4E4=",
            "pbkdf2_sha256$30000$salt$CgrFGODj4d75mzsxbMqyOll9vTU=",
            "pbkdf2_sha256$30000$$H0jg+BeA91hr1oWp5vGspXWkeMn0C72kIldnDX1p4E4=",
            "pbkdf2_sha512$30000$salt$H0jg+BeA91hr1oWp5vGspXWkeMn0C72kIldnDX1p4E4=",
            "{SSHA}zyeAsJHZoAiYnulVjQjji+OQGq4=",
            "{SHA}zyeAsJHZoAiYnulVjQjji+OQGq4G2ogZ",
            "{SSHA}not base64!",
            "{SSHA384}zyeAsJHZoAiYnulVjQjji+OQGq4G2ogZ",
            "{CRYPT}aaZKe4GRdlp9Q",
            "{CRYPT}$argon2id$v=19$m=8192,t=2,p=2$NWU0MzkyMjFjOGQzNmJlMg$L5qm+ysW3h2MasKZLGZwTxkTJkHnE2pZ0bD8rJ1Qb2w",
            "{}",
            "plain text password",
            "9cc2ae8a1ba7a93da39b46fc1019c481",
            "zz16b625cc16db54e5cdc059b2ef031904b4979db92c1874f34a5f3c727199f0",
            "1616b625cc16db54e5cdc059b2ef031904b4979db92c1874f34a5f3c727199f"})
    void malformedOrUnknownHashesAreUnsupportedAndNeverMatch(String hash) {
        assertThat(verifier.verify("correct horse battery staple", hash, "k3Zp0q", null))
                .isEqualTo(VerifyResult.UNSUPPORTED_FORMAT);
        assertThat(verifier.matches("correct horse battery staple", hash, "k3Zp0q", null)).isFalse();
        assertThat(verifier.resolve(hash, "k3Zp0q", null)).isEmpty();
    }

    @Test
    void aNullHashIsUnsupported() {
        assertThat(verifier.verify("x", null, null, null)).isEqualTo(VerifyResult.UNSUPPORTED_FORMAT);
        assertThat(verifier.matches("x", null, null, null)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void aCorruptedHashNeverThrowsAndNeverMatches(LegacyHashFixtures row) {
        LegacyPasswordVerifier rowVerifier = row.verifier();
        Random random = new Random(row.id().hashCode());
        String alphabet = "$./=+{}:,0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ \u00e4";
        for (int i = 0; i < 12; i++) {
            char[] chars = row.hash().toCharArray();
            // The last character of a base64 text may carry unused bits, and hex ignores case: changes there can
            // leave the same bytes, which rightly still match. Everywhere else a change must not match.
            int at = random.nextInt(chars.length - 3);
            char replacement = alphabet.charAt(random.nextInt(alphabet.length()));
            boolean endOfSegment = chars[at + 1] == '$';
            if (endOfSegment || Character.toLowerCase(chars[at]) == Character.toLowerCase(replacement)) {
                continue;
            }
            chars[at] = replacement;
            String corrupted = random.nextInt(5) == 0 ? new String(chars, 0, at) : new String(chars);

            assertThatCode(() -> assertThat(rowVerifier.verify(row.password(), corrupted, row.salt(), row.hint()))
                    .as("%s corrupted at %d", row.id(), at)
                    .isNotEqualTo(VerifyResult.MATCH))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void aResolvedHashDoesNotPrintItsHashOrSalt() {
        LegacyHashFixtures row = fixture("sha256-hex-salt-after");

        LegacyHash hash = row.verifier().resolve(row.hash(), row.salt(), null).orElseThrow();

        assertThat(hash.toString()).doesNotContain(row.hash()).doesNotContain(row.salt()).contains("BARE_DIGEST");
    }

    @Test
    void onlyBareDigestsKeepTheSaltColumnAndSettings() {
        LegacyHashFixtures row = fixture("bcrypt-2y-htpasswd");

        LegacyHash hash = verifier.resolve(row.hash(), "ignored", null).orElseThrow();

        assertThat(hash.salt()).isNull();
        assertThat(hash.digestSettings()).isNull();
        assertThat(LegacyPasswordVerifier.verify(row.password(), hash)).isEqualTo(VerifyResult.MATCH);
    }

    private static LegacyHashFixtures fixture(String id) {
        return LegacyHashFixtures.byId(id);
    }
}
