<#ftl output_format="plainText">
<#--
  Unify: the plain-text email with the generated password of a moved sub-account; the same message as
  html/unify-legacy-password.ftl, which describes the attributes. The password stands on a line of its own.
-->
<#assign unifyFirstName = ((user.firstName)!"")?is_string?then(((user.firstName)!"")?trim, "")>
<#if unifyFirstName?has_content>${msg("unify-legacy-password-greeting", unifyFirstName)}<#else>${msg("unify-legacy-password-greeting-no-name")}</#if>

${msg("unify-legacy-password-intro", realmName!"", legacyUsername!"")}

${msg("unify-legacy-password-username", username!"")}
${msg("unify-legacy-password-password", "")}
    ${password!""}

${msg("unify-legacy-password-change")}

${msg("unify-legacy-password-ignore")}
