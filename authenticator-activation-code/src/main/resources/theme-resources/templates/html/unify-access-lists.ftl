<#--
  Unify: the lists of a welcome message (unify-authenticator-activation-code), imported by html/unify-code.ftl and
  html/unify-activation.ftl; text/unify-access-lists.ftl is the plain-text version. Lists the user's services and the
  customer numbers they act for, each under its heading; a list that is missing or empty is left out, heading and
  all. #unify-services and #unify-customer-numbers hold one <li> per entry. Only texts are listed, escaped.
-->
<#function texts value>
    <#local result = []>
    <#if value?is_sequence>
        <#list value as item>
            <#if item?is_string && item?trim?has_content>
                <#local result = result + [item?trim]>
            </#if>
        </#list>
    </#if>
    <#return result>
</#function>
<#macro lists services customerNumbers>
<#local unifyServices = texts(services)>
<#local unifyCustomerNumbers = texts(customerNumbers)>
<#if unifyServices?has_content>
<p style="margin:16px 0 4px;">${msg("unify-code-email-services")}</p>
<ul id="unify-services" style="margin:0 0 16px; padding-left:22px;">
<#list unifyServices as service>
  <li>${service}</li>
</#list>
</ul>
</#if>
<#if unifyCustomerNumbers?has_content>
<p style="margin:16px 0 4px;">${msg("unify-code-email-customer-numbers")}</p>
<ul id="unify-customer-numbers" style="margin:0 0 16px; padding-left:22px;">
<#list unifyCustomerNumbers as number>
  <li>${number}</li>
</#list>
</ul>
</#if>
</#macro>
