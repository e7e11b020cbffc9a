<#--
  Unify: the move of a legacy company's accounts to sign-in by email (required action unify-legacy-migration,
  unify-user-storage-legacy). The main account gives an email address for itself and for each sub-account.

  Keycloak finds this template in the provider jar (theme-resources/templates) under every login theme, so it
  relies only on the layout of template.ftl and the kc* classes of theme.properties, looked up with fallbacks
  (keycloak.v2 and the older "keycloak" theme name some classes differently). Every text comes from the
  unify-legacy-move-* messages.

  Attribute unifyMove:
    accounts     list, main account first; each: index (int), legacyUsername, displayName ("" without names),
                 main (boolean), email (as typed or prefilled), forward (boolean), error (a message key or "")
    mainAccount  the main account's legacy username
    mandatory    true after the wave's deadline: no "Later"
    deadline     the last day "Later" is possible, formatted for the page's language; "" without a deadline
  The form posts account-N (legacy username), email-N and forward-N per line, and "later" with the Later button.

  Checks while typing (the script below): address syntax, the same address twice in the form, and a main account
  using a variant (plus-address) of another line's address. Whether an address is taken in the realm is checked
  on submit only, by the server, so that no page answers "is this address registered?" to anyone.
-->
<#import "template.ftl" as layout>
<#function kc names...>
    <#list names as name>
        <#if (properties[name])?has_content>
            <#return properties[name]>
        </#if>
    </#list>
    <#return "">
</#function>
<#-- One line's address field; keycloak.v2 wraps it in a span that draws the control, older themes style the input. -->
<#macro emailInput account index main error inputClass>
    <input id="email-${index}" name="email-${index}" type="email" value="${(account.email)!''}"
           class="unify-legacy-move-email<#if inputClass?has_content> ${inputClass}</#if>" dir="ltr"
           autocomplete="${main?then('email', 'off')}" spellcheck="false" autocapitalize="off"
           required aria-required="true" data-unify-main="${main?c}"
           aria-describedby="email-${index}-hint email-${index}-error"<#if error> aria-invalid="true"</#if>/>
</#macro>
<#assign unifyMoveModel = unifyMove!{}>
<#assign unifyAccounts = (unifyMoveModel.accounts)![]>
<#assign unifyMandatory = ((unifyMoveModel.mandatory)!false)?is_boolean && (unifyMoveModel.mandatory)!false>
<#assign unifyDeadline = ((unifyMoveModel.deadline)!"")?is_string?then(((unifyMoveModel.deadline)!"")?trim, "")>
<#assign unifyV2 = kc("kcFormGroupLabelClass")?has_content>
<@layout.registrationLayout displayMessage=true displayInfo=false; section>
    <#if section = "header">
        ${msg("unify-legacy-move-title")}
    <#elseif section = "form">
        <p id="unify-legacy-move-intro" class="unify-legacy-move-intro">${msg("unify-legacy-move-intro")}</p>
        <p id="unify-legacy-move-deadline" class="unify-legacy-move-deadline<#if unifyMandatory> unify-legacy-move-deadline-passed</#if>"><#if unifyMandatory>${msg("unify-legacy-move-mandatory")}<#elseif unifyDeadline?has_content>${msg("unify-legacy-move-optional-until", unifyDeadline)}<#else>${msg("unify-legacy-move-optional")}</#if></p>
        <form id="unify-legacy-move-form" class="${kc('kcFormClass')} unify-legacy-move-form" action="${url.loginAction}" method="post" novalidate
              data-msg-required="${msg('unify-legacy-move-error-required')}"
              data-msg-invalid="${msg('unify-legacy-move-error-invalid')}"
              data-msg-duplicate="${msg('unify-legacy-move-error-duplicate')}"
              data-msg-main-plus="${msg('unify-legacy-move-error-main-plus')}">
            <#list unifyAccounts as account>
                <#assign unifyIndex = account.index?c>
                <#assign unifyMain = (account.main)!false>
                <#assign unifyError = ((account.error)!"")?is_string?then((account.error)!"", "")>
                <#assign unifyName = ((account.displayName)!"")?is_string?then((account.displayName)!"", "")>
                <fieldset id="unify-legacy-move-account-${unifyIndex}" class="unify-legacy-move-account<#if unifyMain> unify-legacy-move-account-main</#if>">
                    <legend class="unify-legacy-move-legend">
                        <span class="unify-legacy-move-username" dir="ltr">${account.legacyUsername}</span><#if unifyName?has_content> <span class="unify-legacy-move-name">(${unifyName})</span></#if><#if unifyMain> <span class="unify-legacy-move-badge">${msg("unify-legacy-move-main-badge")}</span></#if>
                    </legend>
                    <input type="hidden" name="account-${unifyIndex}" value="${account.legacyUsername}"/>
                    <div class="${kc('kcFormGroupClass')}<#if unifyError?has_content && !unifyV2> ${kc('kcFormGroupErrorClass')}</#if>">
                        <div class="${kc('kcFormGroupLabelClass', 'kcLabelWrapperClass')}">
                            <label for="email-${unifyIndex}" class="${kc('kcFormLabelClass', 'kcLabelClass')}">
                                <span class="${kc('kcFormLabelTextClass')}">${msg(unifyMain?then("unify-legacy-move-email-main", "unify-legacy-move-email-sub"))}</span>
                            </label>
                        </div>
                        <#if unifyV2>
                            <span class="${kc('kcInputClass')} unify-legacy-move-control<#if unifyError?has_content> ${kc('kcError')}</#if>"><@emailInput account=account index=unifyIndex main=unifyMain error=unifyError?has_content inputClass=""/></span>
                        <#else>
                            <div class="${kc('kcInputWrapperClass')}"><@emailInput account=account index=unifyIndex main=unifyMain error=unifyError?has_content inputClass=kc('kcInputClass')/></div>
                        </#if>
                        <div id="email-${unifyIndex}-hint" class="${kc('kcFormHelperTextClass', 'kcInputHelperTextAfterClass')} unify-legacy-move-hint">${msg(unifyMain?then("unify-legacy-move-hint-main", "unify-legacy-move-hint-sub"))}</div>
                        <div id="email-${unifyIndex}-error" class="${kc('kcInputErrorMessageClass')} unify-legacy-move-error" aria-live="polite"><#if unifyError?has_content>${msg(unifyError)}</#if></div>
                    </div>
                    <#if !unifyMain>
                        <div class="${kc('kcFormGroupClass')} unify-legacy-move-forward">
                            <input type="checkbox" id="forward-${unifyIndex}" name="forward-${unifyIndex}" value="true" class="${kc('kcCheckboxInputClass')}"<#if (account.forward)!false> checked</#if>/>
                            <label for="forward-${unifyIndex}" class="${kc('kcCheckboxLabelClass')}">${msg("unify-legacy-move-forward")}</label>
                        </div>
                    </#if>
                </fieldset>
            </#list>
            <div class="${kc('kcFormGroupClass')}">
                <div id="unify-legacy-move-actions" class="${kc('kcFormActionGroupClass', 'kcFormButtonsClass')} unify-legacy-move-actions">
                    <button id="unify-legacy-move-submit" name="move" value="true" type="submit"
                            class="${kc('kcButtonClass')} ${kc('kcButtonPrimaryClass')} ${kc('kcButtonBlockClass')}">${msg("unify-legacy-move-submit")}</button>
                    <#if !unifyMandatory>
                        <button id="unify-legacy-move-later" name="later" value="true" type="submit" formnovalidate
                                class="${kc('kcButtonClass')} ${kc('kcButtonSecondaryClass', 'kcButtonDefaultClass')} ${kc('kcButtonBlockClass')}">${msg("unify-legacy-move-later")}</button>
                    </#if>
                </div>
            </div>
        </form>
        <script>
            (function () {
                var form = document.getElementById("unify-legacy-move-form");
                if (!form) {
                    return;
                }
                var inputs = Array.prototype.slice.call(form.querySelectorAll("input.unify-legacy-move-email"));
                var touched = {};
                var sending = false;
                function normalize(value) {
                    var text = value || "";
                    if (text.normalize) {
                        text = text.normalize("NFKC");
                    }
                    return text.trim().toLowerCase();
                }
                function valid(address) {
                    return address.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address);
                }
                function plusBase(address) {
                    var at = address.lastIndexOf("@");
                    var plus = address.indexOf("+");
                    return plus > 0 && plus < at ? address.substring(0, plus) + address.substring(at) : "";
                }
                function problem(input, all) {
                    var address = normalize(input.value);
                    if (!address) {
                        return "required";
                    }
                    if (!valid(address)) {
                        return "invalid";
                    }
                    for (var i = 0; i < all.length && all[i] !== input; i++) {
                        if (normalize(all[i].value) === address) {
                            return "duplicate";
                        }
                    }
                    if (input.getAttribute("data-unify-main") === "true" && plusBase(address)) {
                        var base = plusBase(address);
                        for (var j = 0; j < all.length; j++) {
                            if (all[j] !== input && normalize(all[j].value) === base) {
                                return "main-plus";
                            }
                        }
                    }
                    return "";
                }
                function show(input, key) {
                    var error = document.getElementById(input.id + "-error");
                    var text = key ? form.getAttribute("data-msg-" + key) : "";
                    if (error && error.textContent !== text) {
                        error.textContent = text;
                    }
                    if (key) {
                        input.setAttribute("aria-invalid", "true");
                    } else {
                        input.removeAttribute("aria-invalid");
                    }
                }
                function check(all) {
                    var first = null;
                    inputs.forEach(function (input) {
                        if (all || touched[input.id]) {
                            var key = problem(input, inputs);
                            show(input, key);
                            if (key && !first) {
                                first = input;
                            }
                        }
                    });
                    return first;
                }
                inputs.forEach(function (input) {
                    input.addEventListener("input", function () {
                        touched[input.id] = true;
                        check(false);
                    });
                    input.addEventListener("blur", function () {
                        touched[input.id] = true;
                        check(false);
                    });
                });
                form.addEventListener("submit", function (event) {
                    if (event.submitter && event.submitter.name === "later") {
                        return;
                    }
                    var first = check(true);
                    if (first || sending) {
                        event.preventDefault();
                        if (first) {
                            first.focus();
                        }
                        return;
                    }
                    sending = true;
                });
            })();
        </script>
    </#if>
</@layout.registrationLayout>
