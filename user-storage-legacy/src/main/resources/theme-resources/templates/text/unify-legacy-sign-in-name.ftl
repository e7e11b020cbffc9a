<#ftl output_format="plainText">
<#--
  Unify: the plain-text email with the new sign-in name of a moved sub-account whose password stays; the same
  message as html/unify-legacy-sign-in-name.ftl, which describes the attributes.
-->
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
<#assign unifyFirstName = ((user.firstName)!"")?is_string?then(((user.firstName)!"")?trim, "")>
<#if unifyFirstName?has_content>${literalMsg("unify-legacy-password-greeting", unifyFirstName)}<#else>${msg("unify-legacy-password-greeting-no-name")}</#if>

${literalMsg("unify-legacy-password-intro", realmName!"", legacyUsername!"")}

${literalMsg("unify-legacy-password-username", username!"")}

${msg("unify-legacy-sign-in-name-password")}

${msg("unify-legacy-password-ignore")}
