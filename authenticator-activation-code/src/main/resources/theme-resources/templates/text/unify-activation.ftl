<#ftl output_format="plainText">
<#--
  Unify: the plain-text activation message without a code (unify-authenticator-activation-code); the same
  message as html/unify-activation.ftl, which describes the attributes. The link stands on a line of its own.
-->
<#import "unify-access-lists.ftl" as access>
<#--
  Names are shown as they are written. Keycloak's msg() reads ${...} in its arguments as message keys (and
  MessageFormat would read quotes and braces), so user values never pass through it: the message is formatted with
  markers, which are then replaced by the values (the same literalMsg as the entitlements and legacy templates).
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
<#function wholeNumber value fallback>
    <#if value?is_number>
        <#return value?int>
    <#elseif value?is_string && value?trim?matches("[0-9]+")>
        <#return value?trim?number?int>
    </#if>
    <#return fallback>
</#function>
<#assign unifyRealm = ((realmName!"")?is_string)?then(realmName!"", "")>
<#-- An account that moved from its old username (the legacy move keeps it in legacy_username) was not "created". -->
<#assign unifyMoved = ((user.attributes.legacy_username)!"")?is_string && ((user.attributes.legacy_username)!"")?trim?has_content>
<#assign unifyFirstName = ((user.firstName)!"")?is_string?then(((user.firstName)!"")?trim, "")>
<#assign unifyMinutes = wholeNumber(expiresInMinutes!"", 0)>
<#if unifyMinutes gt 0 && unifyMinutes % 1440 == 0>
    <#assign unifyLifetime = msg("unify-code-email-link-valid-days", (unifyMinutes / 1440)?int)>
<#elseif unifyMinutes gt 0 && unifyMinutes % 60 == 0>
    <#assign unifyLifetime = msg("unify-code-email-link-valid-hours", (unifyMinutes / 60)?int)>
<#elseif unifyMinutes gt 0>
    <#assign unifyLifetime = msg("unify-code-email-link-valid-minutes", unifyMinutes)>
<#else>
    <#assign unifyLifetime = "">
</#if>
<#assign unifyLink = ((linkUrl!"")?is_string && (linkUrl!"")?trim?matches("https?://\\S+"))?then((linkUrl!"")?trim, "")>
<#if unifyFirstName?has_content>${literalMsg("unify-code-email-greeting", unifyFirstName)}<#else>${msg("unify-code-email-greeting-no-name")}</#if>

${literalMsg(unifyMoved?then("unify-code-email-intro-moved-link", "unify-code-email-intro-activation-link"), unifyRealm)}

<#if unifyLink?has_content>
${unifyLink}

<#if unifyLifetime?has_content>
${unifyLifetime}

</#if>
${msg("unify-code-email-activation-link-code")}
</#if>

<@access.lists services=(services![]) customerNumbers=(customerNumbers![])/>
${msg("unify-code-email-ignore-welcome")}
