<#--
  Unify: the page on which a user types a code sent by email (unify-authenticator-activation-code):
  activating an account, connecting an identity-provider sign-in to an account, resetting a password.

  Keycloak finds this template in the provider jar (theme-resources/templates) under every login theme,
  so it relies only on what all of them have: the layout of template.ftl and the kc* classes of
  theme.properties, looked up with fallbacks (keycloak.v2 and the older "keycloak" theme name some
  classes differently). It does not import field.ftl or buttons.ftl, which only keycloak.v2 has.
  Every text comes from the unify-code-* messages.

  Attribute unifyCode (a map or a JavaBean; strings may also be enum constants such as ACCOUNT_LINK):
    purpose           "reset-credentials" | "activation" | "account-link" | "activation-in-message"; anything else is shown as "activation"
    kind              "session" (digits) | "account" (grouped letters and digits); default "session"
    length            symbols the code has (int); default 8 for session, 14 for account codes
    maskedEmail       where the code was sent, e.g. a***@example.com; optional
    expiresInMinutes  lifetime of the code (int); optional, not shown when absent or 0
    resendAllowed     whether "Send a new code" is offered (boolean); default false
    resendInSeconds   seconds until it may be used (int >= 0); the button is disabled and counts down until then
  The form posts "code" with the button "submit", or "resend=true" with the resend button.
-->
<#import "template.ftl" as layout>
<#-- The first of the named theme.properties classes that the theme defines, or "". For a class with another name in
     older themes; a single class is read straight from properties (a function call costs far more). -->
<#function kc names...>
    <#list names as name>
        <#if (properties[name])?has_content>
            <#return properties[name]>
        </#if>
    </#list>
    <#return "">
</#function>
<#-- A whole number from a number or a string of digits; the fallback otherwise. -->
<#function wholeNumber value fallback>
    <#if value?is_number>
        <#return value?int>
    <#elseif value?is_string && value?trim?matches("[0-9]+")>
        <#return value?trim?number?int>
    </#if>
    <#return fallback>
</#function>
<#-- "ACCOUNT_LINK" or "account-link" -> "account-link" -->
<#function token value>
    <#if value?is_string>
        <#return value?trim?lower_case?replace("_", "-")>
    </#if>
    <#return "">
</#function>
<#-- "The code is valid for ..." in the largest whole unit, or "" without a lifetime. -->
<#function lifetimeText minutes>
    <#if minutes lte 0>
        <#return "">
    <#elseif minutes % 1440 == 0>
        <#return msg("unify-code-valid-days", (minutes / 1440)?int)>
    <#elseif minutes % 60 == 0>
        <#return msg("unify-code-valid-hours", (minutes / 60)?int)>
    </#if>
    <#return msg("unify-code-valid-minutes", minutes)>
</#function>
<#-- The code field; keycloak.v2 wraps it in a span that draws the control, older themes style the input. -->
<#macro codeInput inputClass>
    <input id="code" name="code" type="text" value="" class="${inputClass}"
           autocomplete="one-time-code" autofocus dir="ltr" spellcheck="false" autocorrect="off"
           <#if unifyAccountKind>autocapitalize="characters"<#else>inputmode="numeric" autocapitalize="off"</#if>
           aria-describedby="unify-code-instruction unify-code-hint<#if unifyHasError> input-error-code</#if>"
           <#if unifyHasError>aria-invalid="true"</#if>/>
</#macro>
<#assign unifyCodeModel = unifyCode!{}>
<#assign unifyPurpose = token((unifyCodeModel.purpose)!"")>
<#if !["reset-credentials", "activation", "account-link", "activation-in-message"]?seq_contains(unifyPurpose)>
    <#assign unifyPurpose = "activation">
</#if>
<#assign unifyAccountKind = token((unifyCodeModel.kind)!"") == "account">
<#assign unifyLength = wholeNumber((unifyCodeModel.length)!"", unifyAccountKind?then(14, 8))>
<#assign unifyMaskedEmail = ((unifyCodeModel.maskedEmail)!"")?is_string?then(((unifyCodeModel.maskedEmail)!"")?trim, "")>
<#assign unifyLifetime = lifetimeText(wholeNumber((unifyCodeModel.expiresInMinutes)!"", 0))>
<#assign unifyResendAllowed = ((unifyCodeModel.resendAllowed)!false)?is_boolean && (unifyCodeModel.resendAllowed)!false>
<#assign unifyResendIn = wholeNumber((unifyCodeModel.resendInSeconds)!"", 0)>
<#if unifyResendIn lt 0><#assign unifyResendIn = 0></#if>
<#assign unifyHasError = messagesPerField.existsError('code')>
<#assign unifyV2 = (properties.kcFormGroupLabelClass)?has_content>
<@layout.registrationLayout displayMessage=!unifyHasError displayInfo=true; section>
    <#if section = "header">
        ${msg("unify-code-title-" + unifyPurpose)}
    <#elseif section = "form">
        <form id="unify-code-form" class="${properties.kcFormClass!} unify-code-form" action="${url.loginAction}" method="post">
            <p id="unify-code-instruction" class="unify-code-instruction"><#if unifyMaskedEmail?has_content>${msg("unify-code-instruction-" + unifyPurpose + "-email", unifyMaskedEmail)}<#else>${msg("unify-code-instruction-" + unifyPurpose)}</#if><#if unifyLifetime?has_content> ${unifyLifetime}</#if></p>

            <div class="${properties.kcFormGroupClass!}<#if unifyHasError && !unifyV2> ${properties.kcFormGroupErrorClass!}</#if>">
                <div class="${kc('kcFormGroupLabelClass', 'kcLabelWrapperClass')}">
                    <label for="code" class="${kc('kcFormLabelClass', 'kcLabelClass')}">
                        <span class="${properties.kcFormLabelTextClass!}">${msg(unifyAccountKind?then("unify-code-label-account", "unify-code-label"))}</span>
                    </label>
                </div>
                <#if unifyV2>
                    <span class="${properties.kcInputClass!} unify-code-control<#if unifyHasError> ${properties.kcError!}</#if>">
                        <@codeInput inputClass="unify-code-input"/>
                        <#if unifyHasError>
                            <span class="${properties.kcFormControlUtilClass!}">
                                <span class="${properties.kcInputErrorIconStatusClass!}">
                                    <i class="${properties.kcInputErrorIconClass!}" aria-hidden="true"></i>
                                </span>
                            </span>
                        </#if>
                    </span>
                <#else>
                    <div class="${properties.kcInputWrapperClass!}">
                        <@codeInput inputClass="${properties.kcInputClass!} unify-code-input"/>
                    </div>
                </#if>
                <div id="unify-code-hint" class="${kc('kcFormHelperTextClass', 'kcInputHelperTextAfterClass')} unify-code-hint">
                    <div class="${properties.kcInputHelperTextClass!}">
                        <div class="${properties.kcInputHelperTextItemClass!}">
                            <span class="${properties.kcInputHelperTextItemTextClass!}">${msg(unifyAccountKind?then("unify-code-hint-account", "unify-code-hint-session"), unifyLength)}</span>
                        </div>
                    </div>
                </div>
                <div id="input-error-container-code">
                    <#if unifyHasError>
                        <div class="${properties.kcFormHelperTextClass!}" aria-live="polite">
                            <div class="${properties.kcInputHelperTextClass!}">
                                <div class="${properties.kcInputHelperTextItemClass!} ${properties.kcError!}" id="input-error-code">
                                    <span class="${properties.kcInputErrorMessageClass!}">${kcSanitize(messagesPerField.get('code'))?no_esc}</span>
                                </div>
                            </div>
                        </div>
                    </#if>
                </div>
            </div>

            <div class="${properties.kcFormGroupClass!}">
                <div id="unify-code-actions" class="${kc('kcFormActionGroupClass', 'kcFormButtonsClass')} unify-code-actions">
                    <#-- First in the form, so that Enter in the field submits the code. -->
                    <button id="unify-code-submit" name="submit" type="submit"
                            class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("unify-code-submit")}</button>
                    <#if unifyResendAllowed>
                        <#-- The countdown's number sits in its own element, so that the script changes only the number. -->
                        <#attempt>
                            <#assign unifyCountdownParts = msg("unify-code-resend-in", "#SECONDS#")?split("#SECONDS#")>
                        <#recover>
                            <#assign unifyCountdownParts = []>
                        </#attempt>
                        <button id="unify-code-resend" name="resend" value="true" type="submit" formnovalidate
                                class="${properties.kcButtonClass!} ${kc('kcButtonSecondaryClass', 'kcButtonDefaultClass')} ${properties.kcButtonBlockClass!} unify-code-resend"
                                data-unify-label="${msg('unify-code-resend')}"<#if unifyResendIn gt 0> data-unify-resend-in="${unifyResendIn?c}" disabled</#if>><#if unifyResendIn gt 0><#if unifyCountdownParts?size == 2>${unifyCountdownParts[0]}<span class="unify-code-countdown">${unifyResendIn?c}</span>${unifyCountdownParts[1]}<#else>${msg("unify-code-resend-in", unifyResendIn)}</#if><#else>${msg("unify-code-resend")}</#if></button>
                    </#if>
                    <#if unifyPurpose = "reset-credentials">
                        <a id="unify-code-back-to-login" href="${url.loginUrl}"
                           class="${properties.kcButtonLinkClass!} ${properties.kcButtonBlockClass!} unify-code-back">${msg("unify-code-back-to-login")}</a>
                    </#if>
                </div>
            </div>
        </form>
        <#if unifyResendAllowed && unifyResendIn gt 0>
        <script>
            (function () {
                var button = document.getElementById("unify-code-resend");
                if (!button) {
                    return;
                }
                var deadline = Date.now() + 1000 * parseInt(button.getAttribute("data-unify-resend-in"), 10);
                var number = button.querySelector(".unify-code-countdown");
                var timer = window.setInterval(tick, 250);
                function tick() {
                    var left = Math.ceil((deadline - Date.now()) / 1000);
                    if (left > 0) {
                        if (number && number.textContent !== String(left)) {
                            number.textContent = String(left);
                        }
                        return;
                    }
                    window.clearInterval(timer);
                    button.textContent = button.getAttribute("data-unify-label");
                    button.removeAttribute("data-unify-resend-in");
                    button.disabled = false;
                }
                tick();
            })();
        </script>
        </#if>
    <#elseif section = "info">
        <details id="unify-code-help" class="unify-code-help">
            <#if unifyAccountKind>
                <summary>${msg("unify-code-help-title-account")}</summary>
                <#assign unifyTips = ["unify-code-help-welcome", "unify-code-help-paste", "unify-code-help-admin"]>
            <#else>
                <summary>${msg("unify-code-help-title")}</summary>
                <#assign unifyTips = ["unify-code-help-spam", "unify-code-help-latest", "unify-code-help-delay", "unify-code-help-paste"]>
            </#if>
            <ul class="${properties.kcListClass!} unify-code-help-tips">
                <#list unifyTips as tip>
                <li>${msg(tip)}</li>
                </#list>
            </ul>
        </details>
    </#if>
</@layout.registrationLayout>
