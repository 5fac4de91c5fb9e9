package fr.regard.documents.domain;

import java.nio.file.Path;
import java.util.List;

/**
 * The data controller as every document names it (settings {@code regard.controller.*}, docs/operations.md): its
 * name, postal address, the DPO's e-mail and postal address, the CSU where on-site viewings happen, the city the
 * letters are dated from, who signs, the charter's adoption date, and an optional logo file (PNG or JPEG).
 */
public record ControllerIdentity(String name, List<String> address, String dpoEmail, String dpoPostalAddress,
                                 String csuAddress, String csuPhone, String city, String signatoryTitle,
                                 String charterAdoption, Path logo) {

    public ControllerIdentity {
        name = Checks.text(name, "controller.name");
        address = Checks.nonEmpty(address, "controller.address");
        dpoEmail = Checks.text(dpoEmail, "controller.dpo-email");
        dpoPostalAddress = Checks.text(dpoPostalAddress, "controller.dpo-postal-address");
        csuAddress = Checks.text(csuAddress, "controller.csu-address");
        csuPhone = Checks.text(csuPhone, "controller.csu-phone");
        city = Checks.text(city, "controller.city");
        signatoryTitle = Checks.text(signatoryTitle, "controller.signatory-title");
        charterAdoption = Checks.text(charterAdoption, "controller.charter-adoption");
    }

    /** The reference customer (DOMAIN.md): the embedded default when no setting is given. */
    public static ControllerIdentity lille() {
        return new ControllerIdentity("Ville de Lille", List.of("Hôtel de Ville", "Place Augustin Laurent", "CS 30667", "59033 Lille cedex"),
                "protectiondesdonnees@mairie-lille.fr", "Ville de Lille - DPO - CS 30667 - 59033 Lille cedex",
                "Centre de supervision urbain, Hôtel de Police Municipale, 2 bis rue Frédéric Mottez, 59000 Lille",
                "03 20 49 56 66", "Lille", "Le délégué à la protection des données", "10 décembre 2021", null);
    }
}
