<#-- Unify: keycloak.v2 renders this macro at the bottom of the login box, under the form. -->
<#macro content>
<p id="unify-help-footer" class="unify-help-footer">${kcSanitize(msg("unifyHelpFooter"))?no_esc}</p>
</#macro>
