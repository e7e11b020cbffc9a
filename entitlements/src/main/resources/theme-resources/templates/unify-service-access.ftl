<#--
  Unify: the page of unify-service-access (entitlements) for a user who may not use the service they are signing
  in to. Relies only on template.ftl's layout, so it works under any login theme.

  Attribute unifyServiceAccess (a map):
    service   the service's display name in the user's language
    company   the user's company name; absent when the user belongs to no company
    admins    list of maps {name, email}: the company admins to ask; may be empty
-->
<#import "template.ftl" as layout>
<#--
  Names (of the service, the company) are shown as they are written. Keycloak's msg() reads ${...} in its arguments
  as message keys, so a name is never passed through it: the message is formatted with markers, which are then
  replaced by the values.
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
<#assign access = unifyServiceAccess!{}>
<#assign service = access.service!"">
<#assign admins = access.admins![]>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("unify-service-access-title")}
    <#elseif section = "form">
        <div id="unify-service-access" class="unify-service-access">
            <p id="unify-service-access-denied">${literalMsg("unify-service-access-denied", service)}</p>
            <#if admins?has_content>
                <p>${msg("unify-service-access-ask-admins")}</p>
                <ul id="unify-service-access-admins" class="unify-service-access-admins">
                    <#list admins as admin>
                        <li><span class="unify-service-access-admin-name">${admin.name!""}</span><#if (admin.email!"")?has_content> &lt;<a href="mailto:${admin.email}">${admin.email}</a>&gt;</#if></li>
                    </#list>
                </ul>
            <#elseif (access.company!"")?has_content>
                <p id="unify-service-access-no-admins">${literalMsg("unify-service-access-no-admins", access.company)}</p>
            <#else>
                <p id="unify-service-access-no-company">${msg("unify-service-access-no-company")}</p>
            </#if>
            <p>${msg("unify-service-access-other-services")}</p>
        </div>
    </#if>
</@layout.registrationLayout>
