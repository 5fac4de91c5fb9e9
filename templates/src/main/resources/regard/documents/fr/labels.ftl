<#-- French labels of the shared layout (layout.ftlh); wording overridable like any template. -->
<#assign colon = "\xA0:">
<#assign reference = "Référence">
<#assign dated = "le">
<#assign issuedOn = "Date">
<#assign addressee = "Destinataire">
<#assign legalBases = "Fondements juridiques">
<#assign dpoContact = "Contact du délégué à la protection des données">
<#assign byEmail = "par courriel">
<#assign byPost = "par courrier">
<#assign footerDpo = "DPO">
<#assign logoAlt = "Logo">
