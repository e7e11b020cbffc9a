<#--
  Unify: the page of unify-service-access (entitlements) for a user who may not use the service they are signing
  in to. Relies only on template.ftl's layout and the kc* classes of theme.properties (with fallbacks for older
  themes), so it works under any login theme.

  Attribute unifyServiceAccess (a map):
    service      the service's display name in the user's language
    company      the user's company name; absent when the user belongs to no company
    advice       "ask-admins": the company holds the service, its admins (below) can grant it;
                 "company-lacks-service": the company does not hold the service;
                 "no-admins": nobody in the company but the user can grant it;
                 "no-company": the user belongs to no company.
                 The last three send the user to the provider's contact. Anything else counts as "no-company".
    admins       list of maps {name, email}: the company admins to ask (never the user); may be empty
    contact      the provider's contact as the admin wrote it (text); optional
    contactLink  an https: or mailto: address for the contact; optional
    services     list of maps {name, url}: the services the user may use, url "" without one; may be empty
  The form posts "unify-access" = "other-account" (sign out, then the sign-in form) or "sign-out" (the same, with
  "You have signed out"); any other post runs the check again.
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
<#function kc names...>
    <#list names as name>
        <#if (properties[name])?has_content>
            <#return properties[name]>
        </#if>
    </#list>
    <#return "">
</#function>
<#assign access = unifyServiceAccess!{}>
<#assign service = access.service!"">
<#assign admins = access.admins![]>
<#assign services = access.services![]>
<#assign advice = (access.advice!"")?is_string?then(access.advice!"", "")>
<#if !["ask-admins", "company-lacks-service", "no-admins", "no-company"]?seq_contains(advice) || (advice == "ask-admins" && !admins?has_content)>
    <#assign advice = admins?has_content?then("ask-admins", "no-company")>
</#if>
<#assign contact = ((access.contact!"")?is_string)?then((access.contact!"")?trim, "")>
<#assign contactLink = ((access.contactLink!"")?is_string && (access.contactLink!"")?trim?matches("(?i)(https?://|mailto:)[^\\s\"'<>]+"))?then((access.contactLink!"")?trim, "")>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("unify-service-access-title")}
    <#elseif section = "form">
        <div id="unify-service-access" class="unify-service-access">
            <p id="unify-service-access-denied">${literalMsg("unify-service-access-denied", service)}</p>
            <#if advice == "ask-admins">
                <p id="unify-service-access-advice">${msg("unify-service-access-ask-admins")}</p>
                <ul id="unify-service-access-admins" class="unify-service-access-admins">
                    <#list admins as admin>
                        <li><span class="unify-service-access-admin-name">${admin.name!""}</span><#if (admin.email!"")?has_content> &lt;<a href="mailto:${admin.email}">${admin.email}</a>&gt;</#if></li>
                    </#list>
                </ul>
            <#else>
                <p id="unify-service-access-advice">${msg("unify-service-access-" + advice)}</p>
                <#if contact?has_content>
                    <p id="unify-service-access-contact" class="unify-service-access-contact">${msg("unify-service-access-contact")} <#if contactLink?has_content><a href="${contactLink}">${contact}</a><#else>${contact}</#if></p>
                </#if>
            </#if>
            <#if services?has_content>
                <h2 id="unify-service-access-services-title" class="unify-service-access-services-title">${msg("unify-service-access-your-services")}</h2>
                <ul id="unify-service-access-services" class="unify-service-access-services">
                    <#list services as item>
                        <li><#if (item.url!"")?matches("(?i)https?://[^\\s\"'<>]+")><a href="${item.url}">${item.name!""}</a><#else>${item.name!""}</#if></li>
                    </#list>
                </ul>
            </#if>
        </div>
        <form id="unify-service-access-form" class="${kc('kcFormClass')} unify-service-access-form" action="${url.loginAction}" method="post">
            <div class="${kc('kcFormGroupClass')}">
                <div class="${kc('kcFormActionGroupClass', 'kcFormButtonsClass')} unify-service-access-actions">
                    <button id="unify-service-access-other-account" name="unify-access" value="other-account" type="submit"
                            class="${kc('kcButtonClass')} ${kc('kcButtonPrimaryClass')} ${kc('kcButtonBlockClass')}">${msg("unify-service-access-other-account")}</button>
                    <button id="unify-service-access-sign-out" name="unify-access" value="sign-out" type="submit"
                            class="${kc('kcButtonClass')} ${kc('kcButtonSecondaryClass', 'kcButtonDefaultClass')} ${kc('kcButtonBlockClass')}">${msg("unify-service-access-sign-out")}</button>
                </div>
            </div>
        </form>
        <script>
            // keycloak.v2's layout labels the attempted username shown above as "username", a field this page does not
            // have; give the label to the field it names (the unify theme's layout already does).
            (function () {
                var field = document.getElementById("kc-attempted-username");
                var label = document.querySelector("label[for='username']");
                if (field && label && !document.getElementById("username")) {
                    label.htmlFor = "kc-attempted-username";
                }
            })();
        </script>
    </#if>
</@layout.registrationLayout>
