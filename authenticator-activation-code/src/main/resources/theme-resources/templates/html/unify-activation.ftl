<#--
  Unify: the HTML activation message without a code (unify-authenticator-activation-code): an admin-created
  account's activation link, whose page emails a one-time code when opened. text/unify-activation.ftl is the
  plain-text version of the same message; keep the two in step. The layout is the theme's html/template.ftl.

  Attributes, besides Keycloak's own (msg, locale, properties, realmName, user; an account with the attribute
  legacy_username moved from its old username, so the welcome says that instead of "an account has been created"):
    linkUrl           the http(s) activation link
    expiresInMinutes  lifetime of the link (int); optional
    services          optional list of texts: the names of the user's services, in the mail's language
    customerNumbers   optional list of texts: the customer numbers the user acts for
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
<#assign unifyBrand = hexColor("unifyEmailBrandColor", "#2346c8")>
<#assign unifyOnBrand = hexColor("unifyEmailOnBrandColor", "#ffffff")>
<@layout.emailLayout>
<p style="margin:16px 0;"><#if unifyFirstName?has_content>${literalMsg("unify-code-email-greeting", unifyFirstName)}<#else>${msg("unify-code-email-greeting-no-name")}</#if></p>
<p style="margin:16px 0;">${literalMsg(unifyMoved?then("unify-code-email-intro-moved-link", "unify-code-email-intro-activation-link"), unifyRealm)}</p>
<#if unifyLink?has_content>
<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:20px 0;">
  <tr>
    <td style="border-radius:6px; background-color:${unifyBrand};">
      <a id="unify-activation-link" href="${unifyLink}" style="display:inline-block; padding:12px 22px; color:${unifyOnBrand}; font-weight:600; text-decoration:none;">${msg("unify-code-email-link")}</a>
    </td>
  </tr>
</table>
<#if unifyLifetime?has_content>
<p style="margin:16px 0;"><strong>${unifyLifetime}</strong></p>
</#if>
<p style="margin:16px 0;">${msg("unify-code-email-activation-link-code")}</p>
</#if>
<@access.lists services=(services![]) customerNumbers=(customerNumbers![])/>
<p style="margin:16px 0;">${msg("unify-code-email-ignore-welcome")}</p>
</@layout.emailLayout>
