<#-- English labels of the shared layout (layout.ftlh). -->
<#assign colon = ":">
<#assign reference = "Reference">
<#assign dated = "">
<#assign issuedOn = "Date">
<#assign addressee = "To">
<#assign legalBases = "Legal basis">
<#assign dpoContact = "Contact of the data protection officer">
<#assign byEmail = "by e-mail">
<#assign byPost = "by post">
<#assign footerDpo = "DPO">
<#assign logoAlt = "Logo">
