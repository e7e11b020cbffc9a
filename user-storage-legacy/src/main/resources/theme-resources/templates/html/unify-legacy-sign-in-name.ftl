<#--
  Unify: the HTML email that tells a sub-account moved to sign-in by email its new sign-in name, its password kept
  (unify-user-storage-legacy, move option "legacy-password"). text/unify-legacy-sign-in-name.ftl is the plain-text
  version of the same message; keep the two in step. The texts are those of unify-legacy-password.ftl where they
  say the same.

  Keycloak finds this template in the provider jar (theme-resources/templates) under every email theme; the layout
  is the theme's html/template.ftl. Styles are inline, as mail clients drop <style>.

  Attributes, besides Keycloak's own (msg, locale, properties, user):
    realmName       the realm's display name
    username        the new username (the email address)
    legacyUsername  the old username
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
<p style="margin:16px 0;"><#if unifyFirstName?has_content>${literalMsg("unify-legacy-password-greeting", unifyFirstName)}<#else>${msg("unify-legacy-password-greeting-no-name")}</#if></p>
<p style="margin:16px 0;">${literalMsg("unify-legacy-password-intro", realmName!"", legacyUsername!"")}</p>
<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:20px 0;">
  <tr>
    <td style="padding:14px 16px; background-color:${unifyPanel}; border:1px solid ${unifyBorder}; border-radius:6px; color:${unifyText};">
      <div style="margin:4px 0;">${msg("unify-legacy-password-username", "")}<span id="unify-legacy-password-username" style="font-weight:700; word-break:break-word; overflow-wrap:anywhere;">${username!""}</span></div>
    </td>
  </tr>
</table>
<p style="margin:16px 0;"><strong>${msg("unify-legacy-sign-in-name-password")}</strong></p>
<p style="margin:16px 0;">${msg("unify-legacy-password-ignore")}</p>
</@layout.emailLayout>
