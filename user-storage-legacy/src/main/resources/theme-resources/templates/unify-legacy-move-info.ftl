<#--
  Unify: what the move to sign-in by email (required action unify-legacy-migration) tells an account that does not
  make the move itself. Attribute unifyMoveInfo:
    kind          "sub-account": a sub-account signed in first; its main account makes the move. Posts "continue".
                  "unavailable": the legacy store did not answer. Posts "retry", or "later" when laterAllowed.
    mainAccount   (sub-account) the main account's legacy username
    laterAllowed  (unavailable) whether "Later" is offered (before the wave's deadline)
  Works under every login theme, like unify-legacy-move.ftl.
-->
<#import "template.ftl" as layout>
<#--
  Names and usernames are shown as they are written. Keycloak's msg() reads ${...} in its arguments as message keys,
  so they are never passed through it: the message is formatted with markers, which are then replaced by the values.
-->
<#function literalMsg key values...>
    <#local text = (values?size == 1)?then(msg(key, "\x001E0\x001F"), msg(key, "\x001E0\x001F", "\x001E1\x001F"))>
    <#local out = "">
    <#list text?split("\x001E") as part>
        <#if part?is_first>
            <#local out = out + part>
        <#else>
            <#local out = out + values[part?keep_before("\x001F")?number] + part?keep_after("\x001F")>
        </#if>
    </#list>
    <#return out>
</#function>
<#function kc names...>
    <#list names as name>
        <#if (properties[name])?has_content>
            <#return properties[name]>
        </#if>
    </#list>
    <#return "">
</#function>
<#assign unifyInfo = unifyMoveInfo!{}>
<#assign unifyKind = ((unifyInfo.kind)!"")?is_string?then((unifyInfo.kind)!"", "")>
<#if unifyKind != "unavailable"><#assign unifyKind = "sub-account"></#if>
<#assign unifyMainAccount = ((unifyInfo.mainAccount)!"")?is_string?then((unifyInfo.mainAccount)!"", "")>
<#assign unifyLater = ((unifyInfo.laterAllowed)!false)?is_boolean && (unifyInfo.laterAllowed)!false>
<@layout.registrationLayout displayMessage=true displayInfo=false; section>
    <#if section = "header">
        ${msg((unifyKind == "sub-account")?then("unify-legacy-move-info-title", "unify-legacy-move-title"))}
    <#elseif section = "form">
        <form id="unify-legacy-move-info-form" class="${kc('kcFormClass')} unify-legacy-move-info" action="${url.loginAction}" method="post">
            <#if unifyKind == "sub-account">
                <p id="unify-legacy-move-info-text">${literalMsg("unify-legacy-move-info-sub", unifyMainAccount)}</p>
                <p id="unify-legacy-move-info-until">${msg("unify-legacy-move-info-sub-until")}</p>
            <#else>
                <p id="unify-legacy-move-info-text" role="alert">${msg("unify-legacy-unavailable")}</p>
            </#if>
            <div class="${kc('kcFormGroupClass')}">
                <div class="${kc('kcFormActionGroupClass', 'kcFormButtonsClass')} unify-legacy-move-actions">
                    <#if unifyKind == "sub-account">
                        <button id="unify-legacy-move-continue" name="continue" value="true" type="submit"
                                class="${kc('kcButtonClass')} ${kc('kcButtonPrimaryClass')} ${kc('kcButtonBlockClass')}">${msg("unify-legacy-move-continue")}</button>
                    <#else>
                        <button id="unify-legacy-move-retry" name="retry" value="true" type="submit"
                                class="${kc('kcButtonClass')} ${kc('kcButtonPrimaryClass')} ${kc('kcButtonBlockClass')}">${msg("unify-legacy-move-retry")}</button>
                        <#if unifyLater>
                            <button id="unify-legacy-move-later" name="later" value="true" type="submit"
                                    class="${kc('kcButtonClass')} ${kc('kcButtonSecondaryClass', 'kcButtonDefaultClass')} ${kc('kcButtonBlockClass')}">${msg("unify-legacy-move-later")}</button>
                        </#if>
                    </#if>
                </div>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
