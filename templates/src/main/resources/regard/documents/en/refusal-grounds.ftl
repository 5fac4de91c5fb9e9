<#-- English wording of the refusal grounds catalogue (cases.domain.RefusalGround, French in the catalogue itself).
     Every ground code needs an entry: a missing one stops the rendering. -->
<#assign labels = {
  "MANIFESTLY_UNFOUNDED": "Manifestly unfounded request",
  "MANIFESTLY_EXCESSIVE": "Manifestly excessive request, in particular because of its repetitive character",
  "RIGHTS_OF_OTHERS": "Adverse effect on the rights and freedoms of others (third parties cannot be masked)",
  "OBSTRUCT_INQUIRIES": "Avoiding obstructing official or legal inquiries, investigations or procedures",
  "PREJUDICE_CRIMINAL_PROCEEDINGS": "Avoiding prejudicing the prevention, detection or prosecution of criminal offences",
  "PUBLIC_SECURITY": "Protecting public security",
  "NATIONAL_SECURITY": "Protecting national security",
  "RIGHTS_OF_OTHERS_TITRE_III": "Protecting the rights and freedoms of others"
}>
<#assign bases = {
  "MANIFESTLY_UNFOUNDED": "GDPR Article 12(5)",
  "MANIFESTLY_EXCESSIVE": "GDPR Article 12(5)",
  "RIGHTS_OF_OTHERS": "GDPR Article 15(4)",
  "OBSTRUCT_INQUIRIES": "loi n° 78-17, Article 107, I, 1°",
  "PREJUDICE_CRIMINAL_PROCEEDINGS": "loi n° 78-17, Article 107, I, 2°",
  "PUBLIC_SECURITY": "loi n° 78-17, Article 107, I, 3°",
  "NATIONAL_SECURITY": "loi n° 78-17, Article 107, I, 4°",
  "RIGHTS_OF_OTHERS_TITRE_III": "loi n° 78-17, Article 107, I, 5°"
}>
<#assign texts = {
  "MANIFESTLY_UNFOUNDED": "Under Article 12(5) of the General Data Protection Regulation, the City does not act on your request, which it considers manifestly unfounded for the reasons set out below; it bears the burden of demonstrating this.",
  "MANIFESTLY_EXCESSIVE": "Under Article 12(5) of the General Data Protection Regulation, the City does not act on your request, which it considers manifestly excessive, in particular because of its repetitive character, for the reasons set out below; it bears the burden of demonstrating this.",
  "RIGHTS_OF_OTHERS": "The right to obtain a copy of the footage shall not adversely affect the rights and freedoms of others (Article 15(4) of the General Data Protection Regulation). The other people visible in the footage cannot be masked without making it unusable: the City therefore cannot provide you with this footage.",
  "OBSTRUCT_INQUIRIES": "Under Article 107 of the French Data Protection Act (loi n° 78-17 of 6 January 1978), your right of access is restricted in order to avoid obstructing official or legal inquiries, investigations or procedures.",
  "PREJUDICE_CRIMINAL_PROCEEDINGS": "Under Article 107 of the French Data Protection Act (loi n° 78-17 of 6 January 1978), your right of access is restricted in order to avoid prejudicing the prevention, detection, investigation or prosecution of criminal offences or the execution of criminal penalties.",
  "PUBLIC_SECURITY": "Under Article 107 of the French Data Protection Act (loi n° 78-17 of 6 January 1978), your right of access is restricted in order to protect public security.",
  "NATIONAL_SECURITY": "Under Article 107 of the French Data Protection Act (loi n° 78-17 of 6 January 1978), your right of access is restricted in order to protect national security.",
  "RIGHTS_OF_OTHERS_TITRE_III": "Under Article 107 of the French Data Protection Act (loi n° 78-17 of 6 January 1978), your right of access is restricted in order to protect the rights and freedoms of others."
}>
