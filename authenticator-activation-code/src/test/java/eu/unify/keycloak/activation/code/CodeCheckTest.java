package eu.unify.keycloak.activation.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.unify.keycloak.activation.code.CodeCheck.Outcome;
import eu.unify.keycloak.activation.code.CodeCheck.Result;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CodeCheckTest {

    private static final Instant ISSUED = Instant.parse("2026-03-01T10:00:00Z");
    private static final String USER = "user-1";
    private static final CodePolicy SESSION = CodePolicy.defaults(CodeKind.SESSION);

    private final CodeHasher hasher = new CodeHasher("kid-1", new byte[32]);
    private final StoredCode issued = StoredCode.issue("c1", CodePurpose.ACTIVATION, USER,
            hash("12345678"), ISSUED, SESSION);

    @Test
    void noStoredCodeIsNoCode() {
        Result result = CodeCheck.verify(Optional.empty(), hash("12345678"), ISSUED, SESSION);
        assertThat(result.outcome()).isEqualTo(Outcome.NO_CODE);
        assertThat(result.toPersist()).isEmpty();
        assertThat(result.isValid()).isFalse();
    }

    @Test
    void rightCodeIsValidAndGetsConsumed() {
        Result result = check(issued, "12345678", ISSUED.plusSeconds(30));
        assertThat(result.outcome()).isEqualTo(Outcome.VALID);
        assertThat(result.isValid()).isTrue();
        assertThat(result.toPersist()).contains(issued.asConsumed());
    }

    @Test
    void aRightCodeThatMayNotMatchIsAnsweredAndChargedAsAWrongOne() {
        Result refused = CodeCheck.verify(Optional.of(issued), hash("12345678"), ISSUED.plusSeconds(30), SESSION, false);
        Result wrong = check(issued, "87654321", ISSUED.plusSeconds(30));
        assertThat(refused).isEqualTo(wrong);
        assertThat(refused.isWrongGuess()).isTrue();
    }

    @Test
    void wrongCodeCountsAnAttemptAndSaysHowManyAreLeft() {
        Result result = check(issued, "87654321", ISSUED.plusSeconds(30));
        assertThat(result.outcome()).isEqualTo(Outcome.WRONG);
        assertThat(result.attemptsLeft()).isEqualTo(4);
        assertThat(result.toPersist()).hasValueSatisfying(code -> {
            assertThat(code.attempts()).isEqualTo(1);
            assertThat(code.consumed()).isFalse();
        });
    }

    @Test
    void exactlyFiveWrongTriesVoidTheCode() {
        StoredCode state = issued;
        Instant now = ISSUED.plusSeconds(30);
        for (int expectedLeft = 4; expectedLeft >= 1; expectedLeft--) {
            Result wrong = check(state, "00000000", now);
            assertThat(wrong.outcome()).isEqualTo(Outcome.WRONG);
            assertThat(wrong.attemptsLeft()).isEqualTo(expectedLeft);
            state = wrong.toPersist().orElseThrow();
        }
        Result fifth = check(state, "00000000", now);
        assertThat(fifth.outcome()).isEqualTo(Outcome.EXHAUSTED);
        assertThat(fifth.attemptsLeft()).isZero();
        state = fifth.toPersist().orElseThrow();
        assertThat(state.attempts()).isEqualTo(5);

        // Now even the right code fails, and nothing more is written.
        Result afterwards = check(state, "12345678", now);
        assertThat(afterwards.outcome()).isEqualTo(Outcome.EXHAUSTED);
        assertThat(afterwards.toPersist()).isEmpty();
    }

    @Test
    void rightCodeAfterFourWrongTriesStillWorks() {
        StoredCode state = issued;
        for (int i = 0; i < 4; i++) {
            state = check(state, "00000000", ISSUED).toPersist().orElseThrow();
        }
        assertThat(check(state, "12345678", ISSUED).outcome()).isEqualTo(Outcome.VALID);
    }

    @Test
    void theConfiguredLimitApplies() {
        CodePolicy oneTry = new CodePolicy(CodeKind.SESSION, 8, Duration.ofMinutes(10), 1, Duration.ofSeconds(60), 5);
        Result result = CodeCheck.verify(Optional.of(issued), hash("00000000"), ISSUED, oneTry);
        assertThat(result.outcome()).isEqualTo(Outcome.EXHAUSTED);
        assertThat(result.toPersist()).map(StoredCode::attempts).contains(1);
    }

    @Test
    void expiryBoundaryIsExclusive() {
        Instant expiry = ISSUED.plus(Duration.ofMinutes(10));
        assertThat(check(issued, "12345678", expiry.minusNanos(1)).outcome()).isEqualTo(Outcome.VALID);
        assertThat(check(issued, "12345678", expiry).outcome()).isEqualTo(Outcome.EXPIRED);
        assertThat(check(issued, "12345678", expiry.plusSeconds(3600)).outcome()).isEqualTo(Outcome.EXPIRED);
    }

    @Test
    void expiredCodeDoesNotSpendAttempts() {
        Result result = check(issued, "00000000", ISSUED.plus(Duration.ofMinutes(10)));
        assertThat(result.outcome()).isEqualTo(Outcome.EXPIRED);
        assertThat(result.toPersist()).isEmpty();
    }

    @Test
    void consumedCodeCannotBeUsedAgain() {
        StoredCode used = check(issued, "12345678", ISSUED).toPersist().orElseThrow();
        Result again = check(used, "12345678", ISSUED.plusSeconds(1));
        assertThat(again.outcome()).isEqualTo(Outcome.CONSUMED);
        assertThat(again.toPersist()).isEmpty();
        assertThat(check(used, "00000000", ISSUED.plusSeconds(1)).outcome()).isEqualTo(Outcome.CONSUMED);
    }

    @Test
    void consumedWinsOverExpiredAndExpiredOverExhausted() {
        StoredCode usedAndOld = issued.asConsumed();
        assertThat(check(usedAndOld, "12345678", ISSUED.plus(Duration.ofDays(1))).outcome())
                .isEqualTo(Outcome.CONSUMED);
        StoredCode exhausted = issued;
        for (int i = 0; i < 5; i++) {
            exhausted = exhausted.withFailedAttempt();
        }
        assertThat(check(exhausted, "12345678", ISSUED.plus(Duration.ofDays(1))).outcome())
                .isEqualTo(Outcome.EXPIRED);
    }

    @Test
    void onlyTheNewestCodeIsValid() {
        // The store keeps one code per (subject, purpose): issuing replaces the older one.
        Map<String, StoredCode> store = new HashMap<>();
        store.put(USER + "/" + CodePurpose.ACTIVATION.id(), issued);
        StoredCode newer = StoredCode.issue("c2", CodePurpose.ACTIVATION, USER, hash("55555555"),
                ISSUED.plusSeconds(90), SESSION);
        store.put(USER + "/" + CodePurpose.ACTIVATION.id(), newer);

        Optional<StoredCode> newest = Optional.ofNullable(store.get(USER + "/" + CodePurpose.ACTIVATION.id()));
        Instant now = ISSUED.plusSeconds(120);
        assertThat(CodeCheck.verify(newest, hash("12345678"), now, SESSION).outcome()).isEqualTo(Outcome.WRONG);
        assertThat(CodeCheck.verify(newest, hash("55555555"), now, SESSION).outcome()).isEqualTo(Outcome.VALID);
    }

    @Test
    void codeOfAnotherUserOrPurposeDoesNotMatch() {
        HashedCode otherUser = hasher.hashSessionCode(CodePurpose.ACTIVATION, "user-2", "12345678");
        HashedCode otherPurpose = hasher.hashSessionCode(CodePurpose.RESET_CREDENTIALS, USER, "12345678");
        assertThat(CodeCheck.verify(Optional.of(issued), otherUser, ISSUED, SESSION).outcome())
                .isEqualTo(Outcome.WRONG);
        assertThat(CodeCheck.verify(Optional.of(issued), otherPurpose, ISSUED, SESSION).outcome())
                .isEqualTo(Outcome.WRONG);
    }

    @Test
    void hashFromAnotherKeyIsWrong() {
        HashedCode rotated = new CodeHasher("kid-2", new byte[32])
                .hashSessionCode(CodePurpose.ACTIVATION, USER, "12345678");
        // Same key bytes, same hash, but a different key id: the caller used the wrong key, fail closed.
        assertThat(rotated.hash()).isEqualTo(issued.hashedCode().hash());
        assertThat(CodeCheck.verify(Optional.of(issued), rotated, ISSUED, SESSION).outcome())
                .isEqualTo(Outcome.WRONG);
    }

    @Test
    void accountCodesAreFoundByHashAndChecked() {
        CodePolicy accountPolicy = CodePolicy.defaults(CodeKind.ACCOUNT);
        HashedCode hashed = hasher.hashAccountCode(CodePurpose.ACCOUNT_LINK, "K7Q29XMD4TPAR3");
        StoredCode code = StoredCode.issue("a1", CodePurpose.ACCOUNT_LINK, USER, hashed, ISSUED, accountPolicy);
        assertThat(CodeCheck.verify(Optional.of(code), hashed, ISSUED.plus(Duration.ofDays(6)), accountPolicy)
                .outcome()).isEqualTo(Outcome.VALID);
        assertThat(CodeCheck.verify(Optional.of(code), hashed, ISSUED.plus(Duration.ofDays(7)), accountPolicy)
                .outcome()).isEqualTo(Outcome.EXPIRED);
    }

    @Test
    void refusesAPolicyForAnotherKind() {
        assertThatThrownBy(() -> CodeCheck.verify(Optional.of(issued), hash("12345678"), ISSUED,
                CodePolicy.defaults(CodeKind.ACCOUNT)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Result check(StoredCode stored, String typed, Instant now) {
        return CodeCheck.verify(Optional.of(stored), hash(typed), now, SESSION);
    }

    private HashedCode hash(String code) {
        return hasher.hashSessionCode(CodePurpose.ACTIVATION, USER, code);
    }

    @Test
    void onlyWrongAndExhaustedAreWrongGuesses() {
        for (Outcome outcome : Outcome.values()) {
            boolean expected = outcome == Outcome.WRONG || outcome == Outcome.EXHAUSTED;
            assertThat(new Result(outcome, 0, Optional.empty()).isWrongGuess()).as(outcome.name()).isEqualTo(expected);
        }
    }
}
