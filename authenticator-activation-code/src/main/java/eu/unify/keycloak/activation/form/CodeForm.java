package eu.unify.keycloak.activation.form;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.utils.FormMessage;

import eu.unify.keycloak.activation.code.CodeCheck;
import eu.unify.keycloak.activation.code.CodePolicy;
import eu.unify.keycloak.activation.code.CodePurpose;
import eu.unify.keycloak.activation.code.ResendThrottle;
import eu.unify.keycloak.activation.service.SessionCodeService.SendResult;

/** Renders {@code unify-code.ftl} (this module's theme-resources) with the attributes it expects. */
public final class CodeForm {

    public static final String TEMPLATE = "unify-code.ftl";
    public static final String FIELD_CODE = "code";
    public static final String FIELD_RESEND = "resend";

    private final CodePurpose purpose;
    private final CodePolicy policy;
    private final String maskedEmail;
    private boolean resendAllowed = true;
    private long resendInSeconds;
    private FormMessage error;
    private FormMessage info;

    public CodeForm(CodePurpose purpose, CodePolicy policy, String maskedEmail) {
        this.purpose = purpose;
        this.policy = policy;
        this.maskedEmail = maskedEmail;
    }

    public CodeForm resend(boolean allowed, long inSeconds) {
        this.resendAllowed = allowed;
        this.resendInSeconds = Math.max(0, inSeconds);
        return this;
    }

    /** The resend button as the throttle's decision has it: offered unless the hourly cap is reached, counting down. */
    public CodeForm resend(ResendThrottle.Decision decision) {
        return resend(decision.verdict() != ResendThrottle.Verdict.HOURLY_CAP, decision.waitSeconds());
    }

    public CodeForm error(String messageKey, Object... parameters) {
        this.error = new FormMessage(FIELD_CODE, messageKey, parameters);
        return this;
    }

    /** A message about the whole form (sending, throttling), not about what was typed. */
    public CodeForm pageError(String messageKey, Object... parameters) {
        this.error = new FormMessage(null, messageKey, parameters);
        return this;
    }

    /** What to tell the user after asking for a new code to be sent to {@code maskedAddress} (null: address not shown). */
    public CodeForm afterSend(SendResult result, String maskedAddress) {
        return switch (result.status()) {
            case SENT -> maskedAddress == null
                    ? resend(true, result.waitSeconds()).info("unify-code-info-sent-no-email")
                    : resend(true, result.waitSeconds()).info("unify-code-info-sent", maskedAddress);
            case THROTTLED -> resend(true, result.waitSeconds())
                    .pageError("unify-code-error-resend-cooldown", result.waitSeconds());
            case HOURLY_CAP -> resend(false, result.waitSeconds()).pageError("unify-code-error-resend-cap");
            case SEND_FAILED -> resend(true, 0).pageError("unify-code-error-send-failed");
        };
    }

    /**
     * As {@link #afterSend}, for the code sent as the page first opens: the page's instruction already says where the
     * code went, so a sent code gets no banner (the banner is for codes asked for again).
     */
    public CodeForm afterFirstSend(SendResult result, String maskedAddress) {
        afterSend(result, maskedAddress);
        if (result.status() == SendResult.Status.SENT) {
            info = null;
        }
        return this;
    }

    /** What to tell the user after a typed code did not work. */
    public CodeForm afterCheck(CodeCheck.Result result) {
        return switch (result.outcome()) {
            case WRONG -> error("unify-code-error-wrong", result.attemptsLeft());
            case EXHAUSTED -> error("unify-code-error-exhausted");
            case EXPIRED, NO_CODE -> error("unify-code-error-expired");
            case CONSUMED -> error("unify-code-error-used");
            case VALID -> throw new IllegalArgumentException("a valid code shows no form");
        };
    }

    public CodeForm info(String messageKey, Object... parameters) {
        this.info = new FormMessage(null, messageKey, parameters);
        return this;
    }

    public Response render(LoginFormsProvider form) {
        Map<String, Object> bean = new HashMap<>();
        bean.put("purpose", purpose.id());
        bean.put("kind", purpose.kind().name().toLowerCase(Locale.ROOT));
        bean.put("length", policy.length());
        if (maskedEmail != null) {
            bean.put("maskedEmail", maskedEmail);
        }
        bean.put("expiresInMinutes", policy.lifetime().toMinutes());
        bean.put("resendAllowed", resendAllowed);
        bean.put("resendInSeconds", resendInSeconds);
        form.setAttribute("unifyCode", bean);
        if (error != null && error.getField() != null) {
            form.addError(error);
        } else if (error != null) {
            form.setError(error.getMessage(), error.getParameters());
        }
        if (info != null) {
            form.setInfo(info.getMessage(), info.getParameters());
        }
        return form.createForm(TEMPLATE);
    }
}
