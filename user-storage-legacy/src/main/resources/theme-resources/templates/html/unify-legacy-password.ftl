<#--
  Unify: the HTML email with the generated password of a sub-account moved to sign-in by email
  (unify-user-storage-legacy, move option "generated-password"). text/unify-legacy-password.ftl is the plain-text
  version of the same message; keep the two in step.

  Keycloak finds this template in the provider jar (theme-resources/templates) under every email theme; the layout
  is the theme's html/template.ftl. Styles are inline, as mail clients drop <style>.

  Attributes, besides Keycloak's own (msg, locale, properties, user):
    realmName       the realm's display name
    username        the new username (the email address)
    legacyUsername  the old username
    password        the generated password; #unify-legacy-password-value holds exactly it
-->
<#import "template.ftl" as layout>
<#function hexColor name fallback>
    <#local value = (properties[name])!"">
    <#if value?is_string && value?trim?matches("#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")>
        <#return value?trim>
    </#if>
    <#return fallback>
</#function>
<#assign unifyFirstName = ((user.firstName)!"")?is_string?then(((user.firstName)!"")?trim, "")>
<#assign unifyText = hexColor("unifyEmailTextColor", "#172033")>
<#assign unifyPanel = hexColor("unifyEmailBackgroundColor", "#f1f4f9")>
<#assign unifyBorder = hexColor("unifyEmailBorderColor", "#dde2ea")>
<@layout.emailLayout>
<p style="margin:16px 0;"><#if unifyFirstName?has_content>${msg("unify-legacy-password-greeting", unifyFirstName)}<#else>${msg("unify-legacy-password-greeting-no-name")}</#if></p>
<p style="margin:16px 0;">${msg("unify-legacy-password-intro", realmName!"", legacyUsername!"")}</p>
<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:20px 0;">
  <tr>
    <td style="padding:14px 16px; background-color:${unifyPanel}; border:1px solid ${unifyBorder}; border-radius:6px; color:${unifyText};">
      <div style="margin:4px 0;">${msg("unify-legacy-password-username", "")}<span id="unify-legacy-password-username" style="font-weight:700; word-break:break-word; overflow-wrap:anywhere;">${username!""}</span></div>
      <div style="margin:4px 0;">${msg("unify-legacy-password-password", "")}<span id="unify-legacy-password-value" style="font-family:Consolas, Menlo, 'Liberation Mono', 'Courier New', monospace; font-size:18px; font-weight:700; letter-spacing:1px; white-space:nowrap; -webkit-user-select:all; user-select:all;">${password!""}</span></div>
    </td>
  </tr>
</table>
<p style="margin:16px 0;"><strong>${msg("unify-legacy-password-change")}</strong></p>
<p style="margin:16px 0;">${msg("unify-legacy-password-ignore")}</p>
</@layout.emailLayout>
