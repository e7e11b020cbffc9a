<#--
  Unify: the HTML email with a one-time code (unify-authenticator-activation-code). text/unify-code.ftl
  is the plain-text version of the same message; keep the two in step.

  Keycloak finds this template in the provider jar (theme-resources/templates) under every email theme;
  the layout is the theme's html/template.ftl (base's bare one, or Unify's branded one). Styles are
  inline, as mail clients drop <style>; colours follow the unifyEmail* theme properties when the theme
  has valid ones. Every text comes from the unify-code-* messages.

  Attributes, besides Keycloak's own (msg, locale, properties, realmName, user; an account with the attribute
  legacy_username moved from its old username, so the welcome says that instead of "an account has been created"):
    code              the code as the user should read it, e.g. 48213907 or K7Q2-9XMD-4TPA-R3
    purpose           "reset-credentials" | "activation" | "account-link" | "activation-in-message"
    expiresInMinutes  lifetime of the code (int); optional
    expiresInDays     lifetime in whole days (int >= 1); optional, shown instead of the minutes when given
    linkUrl           activation-in-message only, optional: the http(s) page where the code is entered
    services          optional list of texts: the names of the user's services, in the mail's language
    customerNumbers   optional list of texts: the customer numbers the user acts for
  #unify-code-value holds exactly the code and nothing else. A list that is missing or empty is left out,
  heading and all (html/unify-access-lists.ftl).
-->
<#import "template.ftl" as layout>
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
<#function hexColor name fallback>
    <#local value = (properties[name])!"">
    <#if value?is_string && value?trim?matches("#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")>
        <#return value?trim>
    </#if>
    <#return fallback>
</#function>
<#assign unifyPurpose = ((purpose!"")?is_string)?then((purpose!"")?trim?lower_case?replace("_", "-"), "")>
<#if !["reset-credentials", "activation", "account-link", "activation-in-message"]?seq_contains(unifyPurpose)>
    <#assign unifyPurpose = "activation">
</#if>
<#assign unifyAccountCode = ["account-link", "activation-in-message"]?seq_contains(unifyPurpose)>
<#assign unifyCodeText = code?is_number?then(code?c, code?string)>
<#assign unifyRealm = ((realmName!"")?is_string)?then(realmName!"", "")>
<#-- An account that moved from its old username (the legacy move keeps it in legacy_username) was not "created". -->
<#assign unifyMoved = ((user.attributes.legacy_username)!"")?is_string && ((user.attributes.legacy_username)!"")?trim?has_content>
<#assign unifyFirstName = ((user.firstName)!"")?is_string?then(((user.firstName)!"")?trim, "")>
<#assign unifyDays = wholeNumber(expiresInDays!"", 0)>
<#assign unifyMinutes = wholeNumber(expiresInMinutes!"", 0)>
<#if unifyDays gt 0>
    <#assign unifyLifetime = msg("unify-code-valid-days", unifyDays)>
<#elseif unifyMinutes gt 0 && unifyMinutes % 1440 == 0>
    <#assign unifyLifetime = msg("unify-code-valid-days", (unifyMinutes / 1440)?int)>
<#elseif unifyMinutes gt 0 && unifyMinutes % 60 == 0>
    <#assign unifyLifetime = msg("unify-code-valid-hours", (unifyMinutes / 60)?int)>
<#elseif unifyMinutes gt 0>
    <#assign unifyLifetime = msg("unify-code-valid-minutes", unifyMinutes)>
<#else>
    <#assign unifyLifetime = "">
</#if>
<#assign unifyLink = (unifyPurpose == "activation-in-message" && (linkUrl!"")?is_string && (linkUrl!"")?trim?matches("https?://\\S+"))?then((linkUrl!"")?trim, "")>
<#assign unifyText = hexColor("unifyEmailTextColor", "#172033")>
<#assign unifyBrand = hexColor("unifyEmailBrandColor", "#2346c8")>
<#assign unifyPanel = hexColor("unifyEmailBackgroundColor", "#f1f4f9")>
<#assign unifyBorder = hexColor("unifyEmailBorderColor", "#dde2ea")>
<#-- Long grouped codes get a smaller type, so that they stay on one line on a 320 px wide phone. -->
<#assign unifyCodeSize = (unifyCodeText?length gt 10)?then("18px", "28px")>
<#assign unifyCodeSpacing = (unifyCodeText?length gt 10)?then("1px", "4px")>
<@layout.emailLayout>
<p style="margin:16px 0;"><#if unifyFirstName?has_content>${literalMsg("unify-code-email-greeting", unifyFirstName)}<#else>${msg("unify-code-email-greeting-no-name")}</#if></p>
<p style="margin:16px 0;">${literalMsg((unifyMoved && unifyPurpose == "activation-in-message")?then("unify-code-email-intro-moved-code", "unify-code-email-intro-" + unifyPurpose), unifyRealm)}</p>
<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:20px 0;">
  <tr>
    <td style="padding:14px 16px; background-color:${unifyPanel}; border:1px solid ${unifyBorder}; border-radius:6px;">
      <span id="unify-code-value" style="font-family:Consolas, Menlo, 'Liberation Mono', 'Courier New', monospace; font-size:${unifyCodeSize}; line-height:40px; font-weight:700; letter-spacing:${unifyCodeSpacing}; color:${unifyText}; white-space:nowrap; -webkit-user-select:all; user-select:all;">${unifyCodeText}</span>
    </td>
  </tr>
</table>
<#if unifyLifetime?has_content>
<p style="margin:16px 0;"><strong>${unifyLifetime}</strong></p>
</#if>
<#if unifyLink?has_content>
<p style="margin:16px 0;">${msg("unify-code-email-link-intro")}<br><a href="${unifyLink}" style="color:${unifyBrand}; font-weight:600;">${msg("unify-code-email-link")}</a></p>
<#else>
<p style="margin:16px 0;">${msg(unifyAccountCode?then("unify-code-email-enter-account", "unify-code-email-enter-session"))}</p>
</#if>
<@access.lists services=(services![]) customerNumbers=(customerNumbers![])/>
<p style="margin:16px 0;">${msg("unify-code-email-newest")} ${msg("unify-code-email-do-not-share")}</p>
<p style="margin:16px 0;">${msg((unifyPurpose == "activation-in-message")?then("unify-code-email-ignore-welcome", "unify-code-email-ignore"))}</p>
</@layout.emailLayout>
