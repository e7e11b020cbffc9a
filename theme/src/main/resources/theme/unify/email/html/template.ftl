<#--
  Unify: the HTML layout of every email. base's html/*.ftl templates start with
  <#import "template.ftl" as layout> and put their body into <@layout.emailLayout>; this file
  replaces base's html/template.ftl, whose layout is a bare <html><body>.

  Mail clients drop <style> blocks and block remote images, so the layout is tables with inline
  styles, and the logo is text. The brand comes from email/theme.properties (unifyEmail*); texts
  come from the message keys unifyEmailTagline, unifyEmailFooterHelp and unifyEmailFooterAutomated.
-->
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
<#function unifyColor name fallback>
    <#local value = (properties[name])!"">
    <#if value?trim?matches("#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")>
        <#return value?trim>
    </#if>
    <#return fallback>
</#function>
<#function unifyFont fallback>
    <#local value = (properties.unifyEmailFontFamily)!"">
    <#if value?trim?matches("[A-Za-z0-9 ,-]+")>
        <#return value?trim>
    </#if>
    <#return fallback>
</#function>
<#macro emailLayout>
<#local brand = unifyColor("unifyEmailBrandColor", "#2346c8")>
<#local onBrand = unifyColor("unifyEmailOnBrandColor", "#ffffff")>
<#local background = unifyColor("unifyEmailBackgroundColor", "#f1f4f9")>
<#local surface = unifyColor("unifyEmailSurfaceColor", "#ffffff")>
<#local text = unifyColor("unifyEmailTextColor", "#172033")>
<#local muted = unifyColor("unifyEmailMutedColor", "#4a5568")>
<#local border = unifyColor("unifyEmailBorderColor", "#dde2ea")>
<#local font = unifyFont("-apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif")>
<#local brandName = (properties.unifyEmailBrandName)!"Unify">
<!DOCTYPE html>
<html lang="${locale.language}" dir="${(ltr)?then('ltr','rtl')}">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<meta name="supported-color-schemes" content="light">
<title>${brandName}</title>
</head>
<body style="margin:0; padding:0; background-color:${background};">
<table role="presentation" id="unify-email" width="100%" cellpadding="0" cellspacing="0" border="0" style="width:100%; background-color:${background};">
  <tr>
    <td align="center" style="padding:24px 12px;">
      <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="width:100%; max-width:600px; background-color:${surface}; border:1px solid ${border}; border-radius:8px; border-collapse:separate;">
        <tr>
          <td id="unify-email-header" style="padding:20px 32px; background-color:${brand}; border-radius:8px 8px 0 0; font-family:${font}; color:${onBrand};">
            <div style="font-size:24px; line-height:32px; font-weight:700; letter-spacing:0.5px; color:${onBrand};">${brandName}</div>
            <div style="font-size:14px; line-height:20px; color:${onBrand};">${msg("unifyEmailTagline")}</div>
          </td>
        </tr>
        <tr>
          <td id="unify-email-body" style="padding:12px 32px 8px; font-family:${font}; font-size:16px; line-height:24px; color:${text};">
<#nested>
          </td>
        </tr>
        <tr>
          <td id="unify-email-footer" style="padding:16px 32px 24px; border-top:1px solid ${border}; font-family:${font}; font-size:13px; line-height:20px; color:${muted};">
            <p style="margin:0 0 6px;">${kcSanitize(msg("unifyEmailFooterHelp"))?no_esc}</p>
            <p style="margin:0;">${literalMsg("unifyEmailFooterAutomated", (realmName)!brandName)}</p>
          </td>
        </tr>
      </table>
    </td>
  </tr>
</table>
</body>
</html>
</#macro>
