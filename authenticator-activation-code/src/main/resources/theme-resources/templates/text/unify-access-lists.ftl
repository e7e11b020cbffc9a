<#ftl output_format="plainText">
<#--
  Unify: the lists of a welcome message in plain text; see html/unify-access-lists.ftl. Each list ends with a blank
  line; a missing or empty list prints nothing.
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
${msg("unify-code-email-services")}
<#list unifyServices as service>
  - ${service}
</#list>

</#if>
<#if unifyCustomerNumbers?has_content>
${msg("unify-code-email-customer-numbers")}
<#list unifyCustomerNumbers as number>
  - ${number}
</#list>

</#if>
</#macro>
