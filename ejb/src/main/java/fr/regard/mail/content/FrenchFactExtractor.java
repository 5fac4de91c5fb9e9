package fr.regard.mail.content;

import fr.regard.mail.content.Suggestion.Confidence;
import fr.regard.mail.content.Suggestion.Kind;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads dates, times, places and cameras in French free text with regular expressions over a lower-case,
 * accent-free copy of the text (same length, so offsets stay valid). It proposes, the DPO decides: every
 * suggestion says how sure it is, and ambiguous readings are LOW or dropped (docs/mail.md, "Suggestions").
 * <p>
 * Choices: a date without a year is the latest such date not after the day of receipt; a date more than a year
 * before receipt is not about footage (birth dates, ID cards) and is dropped; a time is "14h30", "14 h", "14:30",
 * "14 heures", "midi", "minuit" ("14.30" and "14,30" are not times: amounts); a bare hour without minutes after
 * "attendu", "pendant", "depuis"… is a duration and is dropped; an approximate or a single time next to a date
 * gives a window of ±15 minutes; day parts ("en fin d'après-midi") are LOW ranges.
 */
public final class FrenchFactExtractor implements FactSuggestions {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Half-width of the window around an approximate or single time. */
    public static final int WINDOW_MINUTES = 15;

    private static final String WEEKDAYS = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche";
    private static final String MONTHS = "janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre"
            + "|decembre|janv\\.?|fevr?\\.?|avr\\.?|juil\\.?|sept?\\.?|oct\\.?|nov\\.?|dec\\.?";
    private static final Pattern FULL_NUMERIC = Pattern.compile(
            "(?<![\\d./-])(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2})(?!\\d|[./-]\\d)");
    private static final Pattern TEXTUAL = Pattern.compile("(?:\\b(" + WEEKDAYS + ")\\s+)?(?:\\ble\\s+)?\\b(1er|\\d{1,2})\\s*("
            + MONTHS + ")(?![a-z])(?:\\s+(\\d{4})\\b)?");
    private static final Pattern DAY_MONTH = Pattern.compile("(?<![\\d./-])(\\d{1,2})/(\\d{1,2})(?!\\d|[./-]\\d)");
    private static final Pattern RELATIVE = Pattern.compile("\\b(avant[- ]hier|hier|aujourd'hui)\\b");
    private static final Pattern WEEKDAY = Pattern.compile("\\b(" + WEEKDAYS + ")(\\s+dernier)?\\b");

    private static final String T = "(?:(\\d{1,2})\\s?(?:h|heures?)(?:\\s?(\\d{2}))?(?:\\s?min)?(?![\\p{L}\\d])"
            + "|(\\d{1,2}):(\\d{2})(?!\\d)|(midi|minuit))";
    private static final Pattern RANGE = Pattern.compile("(?<![\\p{L}])(?:entre|de)\\s+(?:" + T + "|(\\d{1,2}))\\s+(?:et|a|jusqu'a)\\s+" + T);
    private static final Pattern DASH_RANGE = Pattern.compile("(?<![\\p{L}\\d])" + T + "\\s?-\\s?" + T);
    private static final Pattern APPROX = Pattern.compile(
            "(?<![\\p{L}])(vers|aux alentours de|autour de|environ|approximativement|a peu pres a|a peu pres)\\s+(?:a\\s+)?" + T);
    private static final Pattern SINGLE = Pattern.compile("(?<![\\p{L}\\d-])(a\\s+)?" + T);
    private static final Pattern DURATION_BEFORE = Pattern.compile(
            "(attendu|attendre|patiente|pendant|durant|depuis|il y a|dure|plus de|moins de|pres de|au bout de|"
                    + "passe|reste|toutes les|tous les)\\s*$");
    private static final Pattern DURATION_AFTER = Pattern.compile("^\\s*(de |d'|plus tard|apres|avant)");

    /** Day parts, longest first: phrase → start/end (end may be before start: crosses midnight). */
    private static final Map<String, String[]> PERIODS = new LinkedHashMap<>();

    static {
        PERIODS.put("en fin d'apres-midi", new String[] {"16:00", "19:00"});
        PERIODS.put("en debut d'apres-midi", new String[] {"13:00", "15:00"});
        PERIODS.put("en fin de matinee", new String[] {"10:00", "12:00"});
        PERIODS.put("en debut de matinee", new String[] {"06:00", "09:00"});
        PERIODS.put("en fin de soiree", new String[] {"21:00", "00:00"});
        PERIODS.put("en debut de soiree", new String[] {"18:00", "21:00"});
        PERIODS.put("en fin de journee", new String[] {"17:00", "20:00"});
        PERIODS.put("dans l'apres-midi", new String[] {"12:00", "18:00"});
        PERIODS.put("cet apres-midi", new String[] {"12:00", "18:00"});
        PERIODS.put("l'apres-midi", new String[] {"12:00", "18:00"});
        PERIODS.put("apres-midi", new String[] {"12:00", "18:00"});
        PERIODS.put("dans la matinee", new String[] {"06:00", "12:00"});
        PERIODS.put("en matinee", new String[] {"06:00", "12:00"});
        PERIODS.put("dans la soiree", new String[] {"18:00", "23:00"});
        PERIODS.put("en soiree", new String[] {"18:00", "23:00"});
        PERIODS.put("dans la nuit", new String[] {"22:00", "06:00"});
        PERIODS.put("cette nuit", new String[] {"22:00", "06:00"});
        PERIODS.put("la nuit", new String[] {"22:00", "06:00"});
        PERIODS.put("matin", new String[] {"06:00", "12:00"});
        PERIODS.put("soir", new String[] {"18:00", "23:00"});
    }

    private static final String STREET_TYPES = "rue|avenue|av\\.|boulevard|bd|place|quai|allée|allee|parvis|gare|métro|metro"
            + "|station|square|impasse|chaussée|chaussee|esplanade|porte|pont|parc|cours|passage|résidence|residence";
    private static final Pattern STREET = Pattern.compile("(?<![\\p{L}\\d])(?:(\\d{1,4}(?:\\s?(?:bis|ter))?),?\\s+)?("
            + STREET_TYPES + ")(?![\\p{L}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Types that are also common nouns: only followed by a capitalised name. */
    private static final Set<String> GENERIC_TYPES = Set.of("place", "gare", "métro", "metro", "station", "square",
            "esplanade", "porte", "pont", "parc", "cours", "passage", "résidence", "residence");
    private static final Set<String> CONNECTORS = Set.of("de", "du", "des", "la", "le", "les", "l'", "d'", "sur", "aux", "en");
    private static final Set<String> STOPWORDS = Set.of("et", "ou", "a", "à", "vers", "pour", "avec", "sans", "dans",
            "sur", "en", "au", "aux", "près", "pres", "devant", "derrière", "derriere", "quand", "lorsque", "puis",
            "mais", "car", "où", "qui", "que", "il", "elle", "je", "on", "nous", "vous", "ils", "elles", "était",
            "etait", "est", "j'ai", "entre", "le", "la", "les", "un", "une", "ce", "cette", "côté", "cote", "face",
            "niveau", "hauteur", "coin", "angle", "de", "du", "des", "d'", "l'", "lors");
    private static final Pattern CAMERA_ID = Pattern.compile("([A-Za-z]+)[-_ ]?(\\d+)");

    @Override
    public List<Suggestion> suggest(String frenchText, LocalDate receivedOn, List<KnownPlace> knownPlaces) {
        if (frenchText == null || frenchText.isBlank() || receivedOn == null) {
            return List.of();
        }
        String text = frenchText.length() > 200_000 ? frenchText.substring(0, 200_000) : frenchText;
        Scan scan = new Scan(text, receivedOn);
        scan.dates();
        scan.times();
        List<Suggestion> out = new ArrayList<>(scan.combine());
        out.addAll(places(text));
        out.addAll(cameras(text, knownPlaces == null ? List.of() : knownPlaces));
        out.sort(Comparator.comparingInt(Suggestion::start).thenComparing(Suggestion::kind));
        return List.copyOf(out);
    }

    /** A date or time found, before pairing. */
    private record Found(int start, int end, LocalDate date, LocalTime from, LocalTime to, Confidence confidence,
                         String note) {
        boolean isDate() {
            return date != null;
        }

        boolean isRange() {
            return to != null;
        }
    }

    /** One pass over one text. */
    private static final class Scan {
        private final String text;
        private final String folded;
        private final LocalDate receivedOn;
        private final BitSet taken = new BitSet();
        private final List<Found> found = new ArrayList<>();

        Scan(String text, LocalDate receivedOn) {
            this.text = text;
            this.folded = fold(text).replace("apres midi", "apres-midi");
            this.receivedOn = receivedOn;
        }

        private boolean free(int start, int end) {
            int next = taken.nextSetBit(start);
            return next < 0 || next >= end;
        }

        private void add(Found f) {
            if (free(f.start(), f.end())) {
                taken.set(f.start(), f.end());
                found.add(f);
            }
        }

        void dates() {
            Matcher m = FULL_NUMERIC.matcher(folded);
            while (m.find()) {
                int year = Integer.parseInt(m.group(4));
                LocalDate d = date(year < 100 ? 2000 + year : year, Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)));
                explicitDate(m.start(), m.end(), d, Confidence.HIGH, null);
            }
            m = TEXTUAL.matcher(folded);
            while (m.find()) {
                int day = m.group(2).equals("1er") ? 1 : Integer.parseInt(m.group(2));
                int month = month(m.group(3));
                LocalDate d;
                if (m.group(4) != null) {
                    d = date(Integer.parseInt(m.group(4)), month, day);
                    if (d != null && m.group(1) != null && !weekday(m.group(1)).equals(d.getDayOfWeek())) {
                        explicitDate(m.start(), m.end(), d, Confidence.LOW, "le jour de la semaine ne correspond pas");
                        continue;
                    }
                    explicitDate(m.start(), m.end(), d, Confidence.HIGH, null);
                } else {
                    d = inferYear(month, day);
                    Confidence c = Confidence.MEDIUM;
                    String note = "année déduite de la date de réception";
                    if (d != null && m.group(1) != null) {
                        if (weekday(m.group(1)).equals(d.getDayOfWeek())) {
                            c = Confidence.HIGH;
                        } else {
                            c = Confidence.LOW;
                            note = "année déduite ; le jour de la semaine ne correspond pas";
                        }
                    }
                    if (d != null) {
                        add(new Found(m.start(), m.end(), d, null, null, c, note));
                    }
                }
            }
            m = DAY_MONTH.matcher(folded);
            while (m.find()) {
                LocalDate d = inferYear(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
                if (d != null) {
                    Confidence c = m.group(1).length() == 1 && m.group(2).length() == 1 ? Confidence.LOW : Confidence.MEDIUM;
                    add(new Found(m.start(), m.end(), d, null, null, c, "année déduite de la date de réception"));
                }
            }
            m = RELATIVE.matcher(folded);
            while (m.find()) {
                String w = m.group(1);
                int back = w.startsWith("avant") ? 2 : w.equals("hier") ? 1 : 0;
                add(new Found(m.start(), m.end(), receivedOn.minusDays(back), null, null, Confidence.MEDIUM,
                        "compté depuis la date de réception"));
            }
            m = WEEKDAY.matcher(folded);
            while (m.find()) {
                DayOfWeek dow = weekday(m.group(1));
                if (m.group(2) != null) {
                    add(new Found(m.start(), m.end(), receivedOn.with(TemporalAdjusters.previous(dow)), null, null,
                            Confidence.MEDIUM, "compté depuis la date de réception"));
                } else {
                    add(new Found(m.start(), m.end(), receivedOn.with(TemporalAdjusters.previousOrSame(dow)), null, null,
                            Confidence.LOW, "jour de la semaine seul : le plus récent avant la réception"));
                }
            }
        }

        private void explicitDate(int start, int end, LocalDate d, Confidence c, String note) {
            if (d == null || d.isBefore(receivedOn.minusYears(1))) {
                taken.set(start, end); // a birth date or an old date: not a suggestion, and not a time either
                return;
            }
            if (d.isAfter(receivedOn)) {
                add(new Found(start, end, d, null, null, Confidence.LOW, "date postérieure à la réception"));
            } else {
                add(new Found(start, end, d, null, null, c, note));
            }
        }

        private LocalDate inferYear(int month, int day) {
            for (int year = receivedOn.getYear(); year >= receivedOn.getYear() - 4; year--) {
                LocalDate d = date(year, month, day);
                if (d != null && !d.isAfter(receivedOn)) {
                    return d;
                }
            }
            return null;
        }

        void times() {
            ranges(RANGE, 1, 7);
            ranges(DASH_RANGE, 1, 6);
            Matcher m = APPROX.matcher(folded);
            while (m.find()) {
                LocalTime t = time(m, 2);
                if (t != null) {
                    add(new Found(m.start(), m.end(), null, t.minusMinutes(WINDOW_MINUTES), t.plusMinutes(WINDOW_MINUTES),
                            Confidence.MEDIUM, "heure approximative, ±" + WINDOW_MINUTES + " min"));
                }
            }
            m = SINGLE.matcher(folded);
            while (m.find()) {
                LocalTime t = time(m, 2);
                if (t == null) {
                    continue;
                }
                boolean withA = m.group(1) != null;
                boolean precise = m.group(3) != null || m.group(4) != null;
                if (!withA && !precise && m.group(6) == null) {
                    String before = folded.substring(Math.max(0, m.start() - 30), m.start());
                    String after = folded.substring(m.end(), Math.min(folded.length(), m.end() + 15));
                    if (DURATION_BEFORE.matcher(before).find() || DURATION_AFTER.matcher(after).find()) {
                        taken.set(m.start(), m.end()); // a duration: "j'ai attendu 3h"
                        continue;
                    }
                    add(new Found(m.start(), m.end(), null, t, null, Confidence.LOW, "heure seule, peut-être une durée"));
                } else {
                    add(new Found(m.start(), m.end(), null, t, null, withA || precise ? Confidence.HIGH : Confidence.MEDIUM, null));
                }
            }
            for (Map.Entry<String, String[]> p : PERIODS.entrySet()) {
                Matcher pm = Pattern.compile("(?<![\\p{L}'-])" + Pattern.quote(p.getKey()) + "(?![\\p{L}])").matcher(folded);
                while (pm.find()) {
                    add(new Found(pm.start(), pm.end(), null, LocalTime.parse(p.getValue()[0]), LocalTime.parse(p.getValue()[1]),
                            Confidence.LOW, "moment de la journée, à préciser"));
                }
            }
        }

        /** "entre 18h et 18h15", "18h-18h15": the first time at group {@code first} (or a bare hour right after its
         *  alternative, "entre 18 et 19h"), the second at {@code second}. */
        private void ranges(Pattern pattern, int first, int second) {
            Matcher m = pattern.matcher(folded);
            while (m.find()) {
                int bare = first + 5;
                LocalTime from = bare < second && m.group(bare) != null ? hour(m.group(bare), null) : time(m, first);
                LocalTime to = time(m, second);
                if (from != null && to != null) {
                    add(new Found(m.start(), m.end(), null, from, to, Confidence.HIGH, null));
                }
            }
        }

        /** The time of the alternative {@code T} whose first group is {@code g}. */
        private static LocalTime time(Matcher m, int g) {
            if (m.group(g) != null) {
                return hour(m.group(g), m.group(g + 1));
            }
            if (m.group(g + 2) != null) {
                return hour(m.group(g + 2), m.group(g + 3));
            }
            if (m.group(g + 4) != null) {
                return m.group(g + 4).equals("midi") ? LocalTime.NOON : LocalTime.MIDNIGHT;
            }
            return null;
        }

        private static LocalTime hour(String h, String min) {
            int hour = Integer.parseInt(h);
            int minute = min == null ? 0 : Integer.parseInt(min);
            return hour > 23 || minute > 59 ? null : LocalTime.of(hour, minute);
        }

        /** Dates stay; each time is joined to the nearest date of its sentence, else stays alone. */
        List<Suggestion> combine() {
            found.sort(Comparator.comparingInt(Found::start));
            List<Suggestion> out = new ArrayList<>();
            for (Found f : found) {
                if (f.isDate()) {
                    out.add(dateSuggestion(f));
                }
            }
            for (Found t : found) {
                if (t.isDate()) {
                    continue;
                }
                Found date = nearestDate(t);
                out.add(date == null ? timeSuggestion(t) : combined(date, t));
            }
            return out;
        }

        private Found nearestDate(Found t) {
            Found best = null;
            int bestGap = Integer.MAX_VALUE;
            for (Found d : found) {
                if (!d.isDate()) {
                    continue;
                }
                int from = d.end() <= t.start() ? d.end() : t.end();
                int to = d.end() <= t.start() ? t.start() : d.start();
                if (to < from) {
                    continue;
                }
                int gap = to - from + (d.end() <= t.start() ? 0 : 10); // a date before the time is preferred
                String between = text.substring(from, to);
                if (gap <= 50 && !between.matches("(?s).*([.!?;]\\s|\\n).*") && gap < bestGap) {
                    best = d;
                    bestGap = gap;
                }
            }
            return best;
        }

        private Suggestion dateSuggestion(Found f) {
            return new Suggestion(Kind.DATE, text.substring(f.start(), f.end()), f.start(), f.end(), f.date().toString(),
                    f.confidence(), label("date du " + frenchDate(f.date()), f.note(), f.confidence()));
        }

        private Suggestion timeSuggestion(Found t) {
            if (!t.isRange()) {
                return new Suggestion(Kind.TIME, text.substring(t.start(), t.end()), t.start(), t.end(), t.from().toString(),
                        t.confidence(), label("heure " + frenchTime(t.from()), t.note(), t.confidence()));
            }
            return new Suggestion(Kind.TIME_RANGE, text.substring(t.start(), t.end()), t.start(), t.end(),
                    t.from() + "/" + t.to(), t.confidence(),
                    label("entre " + frenchTime(t.from()) + " et " + frenchTime(t.to()), t.note(), t.confidence()));
        }

        private Suggestion combined(Found d, Found t) {
            LocalTime from = t.isRange() ? t.from() : t.from().minusMinutes(WINDOW_MINUTES);
            LocalTime to = t.isRange() ? t.to() : t.from().plusMinutes(WINDOW_MINUTES);
            ZonedDateTime start = ZonedDateTime.of(d.date(), from, PARIS);
            if (!t.isRange() && t.from().isBefore(LocalTime.of(0, WINDOW_MINUTES))) {
                start = start.minusDays(1); // "vers minuit": from the evening before
            }
            ZonedDateTime end = ZonedDateTime.of(d.date(), to, PARIS);
            if (!end.isAfter(start)) {
                end = end.plusDays(1); // crosses midnight: "dans la nuit", "vers minuit"
            }
            int s = Math.min(d.start(), t.start());
            int e = Math.max(d.end(), t.end());
            Confidence c = d.confidence().min(t.confidence());
            String note = t.note() != null ? t.note() : t.isRange() ? null : "fenêtre de ±" + WINDOW_MINUTES + " min autour de l'heure citée";
            DateTimeFormatter iso = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmxxx");
            return new Suggestion(Kind.DATETIME_RANGE, text.substring(s, e), s, e, iso.format(start) + "/" + iso.format(end), c,
                    label("faits le " + frenchDate(start.toLocalDate()) + " entre " + frenchTime(start.toLocalTime()) + " et "
                            + (end.toLocalDate().equals(start.toLocalDate()) ? "" : "le " + frenchDate(end.toLocalDate()) + " à ")
                            + frenchTime(end.toLocalTime()), join(d.note(), note), c));
        }
    }

    private static List<Suggestion> places(String text) {
        List<Suggestion> out = new ArrayList<>();
        Matcher m = STREET.matcher(text);
        int after = 0;
        while (m.find()) {
            if (m.start() < after) {
                continue;
            }
            String type = m.group(2).toLowerCase(Locale.ROOT);
            Name name = name(text, m.end(), GENERIC_TYPES.contains(type));
            if (name == null) {
                continue;
            }
            String span = text.substring(m.start(), name.end());
            after = name.end();
            out.add(new Suggestion(Kind.PLACE, span, m.start(), name.end(), span, name.confidence(),
                    label("lieu « " + span + " »", name.confidence() == Confidence.LOW ? "nom en minuscules" : null,
                            name.confidence())));
        }
        return out;
    }

    private record Name(int end, Confidence confidence) {
    }

    /** The name after a street type: capitalised words and connectors, or (not for generic types) lower-case words. */
    private static Name name(String text, int from, boolean generic) {
        Matcher word = Pattern.compile("\\G\\s+((?:[dl]['’])?[\\p{L}\\d][\\p{L}\\p{M}\\d'’-]*)").matcher(text);
        int pos = from;
        int lastGood = -1;
        int words = 0;
        boolean capitalised = false;
        boolean lowerMode = false;
        while (word.find(pos)) {
            String w = word.group(1);
            String bare = w.replaceFirst("^[dlDL]['’]", "");
            boolean cap = !bare.isEmpty() && Character.isUpperCase(bare.charAt(0));
            boolean number = bare.matches("\\d{1,4}");
            boolean connector = CONNECTORS.contains(w.toLowerCase(Locale.ROOT)) || w.matches("(?i)[dl]['’]");
            if (cap && !lowerMode) {
                capitalised = true;
                lastGood = word.end();
            } else if ((connector || number) && !lowerMode) {
                // kept only if a name follows
            } else if (!capitalised && !generic && !cap && !STOPWORDS.contains(w.toLowerCase(Locale.ROOT))
                    && bare.matches("[\\p{Ll}\\p{M}'’-]{3,}") && words < 3) {
                lowerMode = true;
                lastGood = word.end();
            } else if (lowerMode && connector && words < 3) {
                // "rue de la clef"
            } else {
                break;
            }
            if (!connector) {
                words++;
            }
            pos = word.end();
            if (pos < text.length() && ",.;:!?()".indexOf(text.charAt(pos)) >= 0) {
                break;
            }
        }
        if (lastGood < 0) {
            return null;
        }
        return new Name(lastGood, capitalised ? Confidence.HIGH : Confidence.LOW);
    }

    private static List<Suggestion> cameras(String text, List<KnownPlace> known) {
        Folded folded = Folded.of(text);
        Map<String, Suggestion> best = new HashMap<>();
        for (KnownPlace place : known) {
            if (place == null || place.cameraId() == null) {
                continue;
            }
            String label = place.label() == null ? "" : place.label();
            Matcher id = CAMERA_ID.matcher(place.cameraId());
            if (id.matches()) {
                Matcher m = Pattern.compile("(?<![\\p{L}\\d])" + Pattern.quote(id.group(1)) + "[-_ ]?0*"
                        + Integer.parseInt(id.group(2).length() > 9 ? "0" : id.group(2)) + "(?!\\d)",
                        Pattern.CASE_INSENSITIVE).matcher(text);
                if (m.find()) {
                    keep(best, camera(place, text, m.start(), m.end(), Confidence.HIGH, "identifiant cité"));
                }
            }
            String whole = Folded.of(label).value.strip();
            int[] at = folded.find(whole);
            if (at != null && !whole.isEmpty()) {
                keep(best, camera(place, text, at[0], at[1], Confidence.HIGH, "lieu de la caméra cité"));
                continue;
            }
            for (String segment : label.split("[/(),;–—]|\\s-\\s")) {
                String s = Folded.of(segment).value.strip();
                if (s.length() >= 8 && s.contains(" ")) {
                    int[] seg = folded.find(s);
                    if (seg != null) {
                        keep(best, camera(place, text, seg[0], seg[1], Confidence.MEDIUM, "partie du lieu de la caméra citée"));
                    }
                }
            }
        }
        return new ArrayList<>(best.values());
    }

    private static Suggestion camera(KnownPlace place, String text, int start, int end, Confidence c, String note) {
        return new Suggestion(Kind.CAMERA, text.substring(start, end), start, end, place.cameraId(), c,
                label("caméra " + place.cameraId() + (place.label() == null ? "" : " « " + place.label() + " »"), note, c));
    }

    private static void keep(Map<String, Suggestion> best, Suggestion s) {
        best.merge(s.value(), s, (a, b) -> a.confidence().ordinal() <= b.confidence().ordinal() ? a : b);
    }

    /** Text folded to lower-case unaccented words separated by single spaces, with the way back to the offsets. */
    private record Folded(String value, int[] origin) {
        static Folded of(String text) {
            StringBuilder b = new StringBuilder(text.length() + 2);
            int[] origin = new int[text.length() * 2 + 2];
            b.append(' ');
            origin[0] = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                String f = Character.isLetterOrDigit(c) ? fold(String.valueOf(c)).replace("œ", "oe").replace("æ", "ae") : " ";
                for (int k = 0; k < f.length(); k++) {
                    char x = f.charAt(k);
                    if (x == ' ' && b.charAt(b.length() - 1) == ' ') {
                        continue;
                    }
                    origin[b.length()] = i;
                    b.append(x);
                }
            }
            origin[b.length()] = text.length();
            b.append(' ');
            return new Folded(b.toString(), origin);
        }

        /** Offsets in the original text of a whole-word occurrence of {@code needle} (already folded), or null. */
        int[] find(String needle) {
            if (needle.isEmpty()) {
                return null;
            }
            int at = value.indexOf(" " + needle + " ");
            if (at < 0) {
                return null;
            }
            return new int[] {origin[at + 1], origin[at + needle.length()] + 1};
        }
    }

    /** Lower case, accents removed, ’ as ', same length as the input. */
    static String fold(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '’' || c == 'ʼ') {
                b.append('\'');
                continue;
            }
            String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            char base = d.isEmpty() ? c : d.charAt(0);
            b.append(Character.isLetter(base) ? Character.toLowerCase(base) : base == '\u00A0' ? ' ' : base);
        }
        return b.toString();
    }

    private static LocalDate date(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int month(String folded) {
        String m = folded.replace(".", "");
        String[] prefixes = {"jan", "fev", "mar", "avr", "mai", "juin", "juil", "aou", "sep", "oct", "nov", "dec"};
        for (int i = prefixes.length - 1; i >= 0; i--) {
            if (m.startsWith(prefixes[i])) {
                return i + 1;
            }
        }
        return 1;
    }

    private static DayOfWeek weekday(String folded) {
        return switch (folded) {
            case "lundi" -> DayOfWeek.MONDAY;
            case "mardi" -> DayOfWeek.TUESDAY;
            case "mercredi" -> DayOfWeek.WEDNESDAY;
            case "jeudi" -> DayOfWeek.THURSDAY;
            case "vendredi" -> DayOfWeek.FRIDAY;
            case "samedi" -> DayOfWeek.SATURDAY;
            default -> DayOfWeek.SUNDAY;
        };
    }

    static String frenchDate(LocalDate d) {
        return d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.FRENCH) + " "
                + (d.getDayOfMonth() == 1 ? "1er" : String.valueOf(d.getDayOfMonth())) + " "
                + d.getMonth().getDisplayName(TextStyle.FULL, Locale.FRENCH) + " " + d.getYear();
    }

    static String frenchTime(LocalTime t) {
        return t.getMinute() == 0 ? t.getHour() + " h" : t.getHour() + " h " + String.format("%02d", t.getMinute());
    }

    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + " ; " + b;
    }

    private static String label(String what, String note, Confidence c) {
        return Suggestion.LABEL_PREFIX + what + (note == null ? "" : " (" + note + ")") + (c == Confidence.LOW ? " — à vérifier" : "");
    }
}
