"""Interface strings of the live workshop pages, in French and English."""

from __future__ import annotations

from assessment.models import Language
from ui.context import t as shared_t

WORKSHOP_STRINGS: dict[str, dict[Language, str]] = {
    # creating
    "workshop_page_title": {"fr": "Atelier en direct", "en": "Live workshop"},
    "workshop_intro": {
        "fr": "Faites répondre toute une salle depuis les téléphones : chacun répond de façon "
        "anonyme, et l'écran projeté montre le résultat collectif se construire, avec les "
        "questions sur lesquelles la salle n'est pas d'accord.",
        "en": "Have a whole room answer from their phones: everyone answers anonymously, and "
        "the projected screen shows the collective result taking shape, with the questions the "
        "room disagrees on.",
    },
    "create_title": {"fr": "Préparer un atelier", "en": "Set up a workshop"},
    "workshop_title": {"fr": "Titre de l'atelier", "en": "Workshop title"},
    "workshop_title_placeholder": {
        "fr": "Ex. : Comité de direction — séminaire de juin",
        "en": "E.g. Leadership team — June offsite",
    },
    "participants_language": {"fr": "Langue des participants", "en": "Participants' language"},
    "participants_language_help": {
        "fr": "La langue dans laquelle les téléphones s'ouvrent ; chacun peut en changer.",
        "en": "The language phones open in; anyone can switch.",
    },
    "pace": {"fr": "Rythme", "en": "Pace"},
    "pace_free": {"fr": "Libre", "en": "Free"},
    "pace_paced": {"fr": "Une partie à la fois", "en": "One part at a time"},
    "pace_help": {
        "fr": "Libre : chacun avance à son rythme. Une partie à la fois : vous ouvrez les "
        "parties l'une après l'autre et la salle en discute au fur et à mesure.",
        "en": "Free: everyone moves at their own pace. One part at a time: you open the parts "
        "one after the other and the room discusses each as it goes.",
    },
    "segments_label": {
        "fr": "Groupes à comparer (facultatif)",
        "en": "Groups to compare (optional)",
    },
    "segments_placeholder": {
        "fr": "Fonction : Direction, Managers, Équipes\nSite : Siège, Régions",
        "en": "Role: Leadership, Managers, Staff\nSite: Head office, Regions",
    },
    "segments_input_help": {
        "fr": "Une ligne par question posée à l'arrivée : son nom, deux-points, puis les choix "
        "séparés par des virgules ({most} au plus). Sert à comparer les perceptions, par "
        "exemple direction et équipes.",
        "en": "One line per question asked on joining: its name, a colon, then the choices "
        "separated by commas ({most} at most). Used to compare perceptions, for example "
        "leadership and staff.",
    },
    "segments_error": {"fr": "Groupes, ligne {line} :", "en": "Groups, line {line}:"},
    "segments_no_colon": {
        "fr": "écrivez le nom, deux-points, puis les choix (« Fonction : Direction, Équipes »).",
        "en": 'write the name, a colon, then the choices ("Role: Leadership, Staff").',
    },
    "segments_few_options": {
        "fr": "il faut au moins deux choix, séparés par des virgules.",
        "en": "at least two choices are needed, separated by commas.",
    },
    "segments_many_options": {"fr": "douze choix au plus.", "en": "twelve choices at most."},
    "segments_same_option": {
        "fr": "deux choix portent le même nom.",
        "en": "two choices have the same name.",
    },
    "segments_same_name": {
        "fr": "ce nom est déjà utilisé par une autre ligne.",
        "en": "another line already uses this name.",
    },
    "segments_too_long": {
        "fr": "60 caractères au plus par nom ou par choix.",
        "en": "60 characters at most per name or choice.",
    },
    "segments_too_many": {"fr": "{most} lignes au plus.", "en": "{most} lines at most."},
    "threshold": {"fr": "Seuil d'anonymat (personnes)", "en": "Anonymity threshold (people)"},
    "threshold_help": {
        "fr": "Aucun résultat (salle, question, groupe) n'est affiché tant que moins de "
        "personnes que ce seuil y ont répondu. 5 par défaut.",
        "en": "No result (room, question, group) is shown until at least this many people "
        "have answered it. 5 by default.",
    },
    "threshold_low": {
        "fr": "En dessous de 3, les réponses d'une personne peuvent se reconnaître.",
        "en": "Below 3, one person's answers can be recognised.",
    },
    "create_button": {"fr": "Créer l'atelier", "en": "Create the workshop"},
    "title_missing": {"fr": "Donnez un titre à l'atelier.", "en": "Give the workshop a title."},
    "join_as_participant": {
        "fr": "Rejoindre un atelier comme participant",
        "en": "Join a workshop as a participant",
    },
    "back_to_dashboard": {
        "fr": "Revenir au tableau de bord de votre atelier",
        "en": "Back to your workshop's dashboard",
    },
    "deleted": {
        "fr": "L'atelier et toutes ses réponses ont été effacés.",
        "en": "The workshop and all its answers were erased.",
    },
    # facilitator
    "facilitator_title": {"fr": "Animer un atelier", "en": "Facilitate a workshop"},
    "facilitator_needs_link": {
        "fr": "Ce tableau de bord s'ouvre avec le lien d'animation secret reçu à la création "
        "de l'atelier.",
        "en": "This dashboard opens with the secret facilitator link given when the workshop "
        "was created.",
    },
    "facilitator_resume": {"fr": "J'ai mon lien d'animation", "en": "I have my facilitator link"},
    "facilitator_link_label": {"fr": "Lien d'animation", "en": "Facilitator link"},
    "open": {"fr": "Ouvrir", "en": "Open"},
    "facilitator_unknown": {
        "fr": "Ce lien n'ouvre aucun atelier. Vérifiez qu'il est complet ; un code de "
        "participation ne donne pas accès au tableau de bord.",
        "en": "This link does not open any workshop. Check that it is complete; a join code "
        "does not open the dashboard.",
    },
    "create_instead": {"fr": "Créer un atelier", "en": "Create a workshop"},
    "keep_link_title": {
        "fr": "Gardez ce lien d'animation : il ne sera plus affiché",
        "en": "Keep this facilitator link: it will not be shown again",
    },
    "keep_link_help": {
        "fr": "C'est le seul moyen de revenir à ce tableau de bord (depuis un autre ordinateur, "
        "après une coupure…). Quiconque le possède peut piloter l'atelier et voir les résultats "
        "de la salle : ne le projetez pas et ne le partagez pas avec les participants.",
        "en": "It is the only way back to this dashboard (from another computer, after a "
        "disconnection…). Anyone who has it can run the workshop and see the room's results: do "
        "not project it or share it with participants.",
    },
    "keep_link_done": {"fr": "C'est noté, masquer le lien", "en": "Saved it, hide the link"},
    "join_at": {"fr": "Pour participer, code :", "en": "To take part, code:"},
    "scan_me": {
        "fr": "Scannez avec l'appareil photo du téléphone",
        "en": "Scan with your phone's camera",
    },
    "localhost_warning": {
        "fr": "Cette adresse est celle de votre propre ordinateur : les téléphones ne pourront "
        "pas l'ouvrir. Ouvrez l'application par son adresse réseau, ou définissez PUBLIC_URL "
        "(voir docs/workshop.md).",
        "en": "This address is your own computer's: phones will not be able to open it. Open "
        "the app through its network address, or set PUBLIC_URL (see docs/workshop.md).",
    },
    "controls": {"fr": "Déroulé", "en": "Running the room"},
    "status_open": {"fr": "Réponses ouvertes", "en": "Answering open"},
    "status_closed": {"fr": "Réponses fermées", "en": "Answering closed"},
    "close_answering": {"fr": "Fermer les réponses", "en": "Close answering"},
    "reopen_answering": {"fr": "Rouvrir les réponses", "en": "Reopen answering"},
    "part_open": {
        "fr": "Partie ouverte : **{n}/{total} · {title}**",
        "en": "Part open: **{n}/{total} · {title}**",
    },
    "previous_part": {"fr": "← Partie précédente", "en": "← Previous part"},
    "next_part": {"fr": "Ouvrir la partie suivante →", "en": "Open the next part →"},
    "reveal": {
        "fr": "Montrer le résultat de la salle sur les téléphones",
        "en": "Show the room's result on phones",
    },
    "reveal_help": {
        "fr": "Les participants voient alors le résultat collectif (dès {k} personnes), jamais "
        "les réponses de quelqu'un d'autre.",
        "en": "Participants then see the collective result (from {k} people on), never anyone "
        "else's answers.",
    },
    "live_unavailable": {
        "fr": "La base de données ne répond pas : le tableau de bord réessaie tout seul.",
        "en": "The database is not answering: the dashboard keeps trying by itself.",
    },
    "joined": {"fr": "Connectés", "en": "Joined"},
    "answering": {"fr": "Ont commencé", "en": "Started"},
    "completed": {"fr": "Ont terminé", "en": "Finished"},
    "answers": {"fr": "Réponses reçues", "en": "Answers received"},
    "completed_of": {
        "fr": "{done} sur {joined} ont répondu à tout",
        "en": "{done} of {joined} have answered everything",
    },
    "room_waiting": {
        "fr": "Le résultat de la salle s'affiche dès que {k} personnes ont répondu "
        "(seuil d'anonymat) — pour l'instant : {n}.",
        "en": "The room's result appears once {k} people have answered (anonymity threshold) "
        "— so far: {n}.",
    },
    "room_radar": {
        "fr": "La salle, dimension par dimension",
        "en": "The room, dimension by dimension",
    },
    "room_radar_help": {
        "fr": "Trait : moyenne des scores des participants. Zone : ± un écart type — plus elle "
        "est large, moins la salle est d'accord.",
        "en": "Line: the mean of the participants' scores. Band: ± one standard deviation — "
        "the wider it is, the less the room agrees.",
    },
    "room_symmetry": {"fr": "Symétrie vue par la salle", "en": "Symmetry as the room sees it"},
    "disagreements": {"fr": "À discuter : les désaccords", "en": "To discuss: disagreements"},
    "disagreements_help": {
        "fr": "Les questions où les réponses sont les plus dispersées (écart type le plus "
        "élevé) : de bons points de départ pour la discussion.",
        "en": "The questions whose answers are the most spread out (highest standard "
        "deviation): good places to start the discussion.",
    },
    "no_disagreement": {
        "fr": "Pas encore de désaccord marqué.",
        "en": "No marked disagreement yet.",
    },
    "distributions": {"fr": "Réponses question par question", "en": "Answers question by question"},
    "parts": {"fr": "Parties", "en": "Parts"},
    "dispersion_table": {
        "fr": "Dispersion et consensus (tableau)",
        "en": "Dispersion and consensus (table)",
    },
    "dispersion_help": {
        "fr": "Moyenne et écart type en points (0–100). Consensus = 1 − écart type / 50 : 100 % "
        "quand tous donnent la même réponse, 0 % quand la salle se partage entre les deux "
        "extrêmes. Part modale : part des réponses au niveau le plus choisi.",
        "en": "Mean and standard deviation in points (0–100). Consensus = 1 − SD / 50: 100% "
        "when everyone gives the same answer, 0% when the room splits between the two "
        "extremes. Modal share: the share of answers at the most chosen level.",
    },
    "col_question": {"fr": "Question", "en": "Question"},
    "col_answers": {"fr": "Réponses", "en": "Answers"},
    "col_dont_know": {"fr": "Ne sait pas", "en": "Don't know"},
    "col_mean": {"fr": "Moyenne", "en": "Mean"},
    "col_sd": {"fr": "Écart type", "en": "SD"},
    "col_consensus": {"fr": "Consensus", "en": "Consensus"},
    "col_modal": {"fr": "Part modale", "en": "Modal share"},
    "col_reading": {"fr": "Lecture", "en": "Reading"},
    "withheld": {"fr": "masqué (trop peu de réponses)", "en": "withheld (too few answers)"},
    "band_agreement": {"fr": "accord", "en": "agreement"},
    "band_mixed": {"fr": "avis partagés", "en": "mixed views"},
    "band_divided": {"fr": "salle divisée", "en": "divided room"},
    "segments": {
        "fr": "Écarts de perception entre groupes",
        "en": "Perception gaps between groups",
    },
    "segments_help": {
        "fr": "Score moyen de chaque groupe. Une case est masquée quand moins de {k} personnes "
        "du groupe y ont répondu, ou quand elle permettrait de déduire un groupe masqué.",
        "en": "Each group's mean score. A cell is withheld when fewer than {k} people of the "
        "group answered it, or when it would let a withheld group be worked out.",
    },
    "widest_gap": {
        "fr": "Plus grand écart entre groupes : {gap} points ({title}).",
        "en": "Widest gap between groups: {gap} points ({title}).",
    },
    "convert_title": {
        "fr": "Créer une évaluation à partir de cet atelier",
        "en": "Create an assessment from this workshop",
    },
    "convert_help": {
        "fr": "La salle devient une évaluation comme les autres — résultats, comparaison, "
        "feuille de route, export. Pour chaque question, la réponse retenue est le niveau "
        "médian de la salle (« je ne sais pas » si la majorité l'a dit) ; une question à "
        "laquelle moins de {k} personnes ont répondu reste sans réponse. Le nombre de "
        "participants et la dispersion accompagnent l'évaluation.",
        "en": "The room becomes an assessment like any other — results, benchmark, roadmap, "
        "export. For each question, the answer kept is the room's median level (\"don't "
        'know" when most said so); a question fewer than {k} people answered stays '
        "unanswered. The number of participants and the dispersion go with the assessment.",
    },
    "convert_button": {"fr": "Créer l'évaluation", "en": "Create the assessment"},
    "convert_refused": {
        "fr": "L'évaluation n'a pas pu être créée : {reason}",
        "en": "The assessment could not be created: {reason}",
    },
    "delete_title": {"fr": "Effacer l'atelier", "en": "Erase the workshop"},
    "delete_help": {
        "fr": "Efface définitivement l'atelier, ses participants et toutes leurs réponses. Une "
        "évaluation déjà créée à partir de l'atelier est conservée.",
        "en": "Permanently erases the workshop, its participants and all their answers. An "
        "assessment already created from it is kept.",
    },
    "delete_confirm": {
        "fr": "Je comprends que cet effacement est définitif",
        "en": "I understand this cannot be undone",
    },
    "delete_button": {"fr": "Effacer définitivement", "en": "Erase permanently"},
    "language_fr": {"fr": "en français", "en": "in French"},
    "language_en": {"fr": "en anglais", "en": "in English"},
    "threshold_is": {
        "fr": "seuil d'anonymat : {k} personnes",
        "en": "anonymity threshold: {k} people",
    },
    # participant
    "join_title": {"fr": "Rejoindre l'atelier", "en": "Join the workshop"},
    "code_label": {"fr": "Code affiché à l'écran", "en": "Code shown on the screen"},
    "continue": {"fr": "Continuer", "en": "Continue"},
    "code_unknown": {
        "fr": "Aucun atelier n'a le code « {code} ». Vérifiez-le sur l'écran projeté.",
        "en": "No workshop has the code '{code}'. Check it on the projected screen.",
    },
    "closed_join": {
        "fr": "Cet atelier est fermé : il n'accepte plus de participants.",
        "en": "This workshop is closed: it no longer accepts participants.",
    },
    "join_intro": {
        "fr": "Vos réponses sont anonymes : on ne vous demande pas votre nom, et personne — pas "
        "même l'animateur — ne voit les réponses d'une personne, seulement le résultat de la "
        "salle.",
        "en": "Your answers are anonymous: your name is not asked, and nobody — not even the "
        "facilitator — sees one person's answers, only the room's result.",
    },
    "segment_why": {
        "fr": "Sert seulement à comparer des groupes d'au moins {k} personnes.",
        "en": "Only used to compare groups of at least {k} people.",
    },
    "join_button": {"fr": "Rejoindre", "en": "Join"},
    "choose_segment": {"fr": "Choisissez : {names}", "en": "Please choose: {names}"},
    "participant_unknown": {
        "fr": "Ce lien de participant n'est plus valable (l'atelier a peut-être été effacé). "
        "Rejoignez l'atelier avec son code.",
        "en": "This participant link is no longer valid (the workshop may have been erased). "
        "Join the workshop with its code.",
    },
    "questionnaire_missing": {
        "fr": "Le questionnaire de cet atelier n'est plus installé.",
        "en": "This workshop's questionnaire is no longer installed.",
    },
    "anonymous_note": {
        "fr": "Atelier {code} · réponses anonymes, enregistrées à chaque choix. Gardez cette "
        "page : si vous la rechargez, vous retrouvez vos réponses.",
        "en": "Workshop {code} · anonymous answers, saved as you choose. Keep this page: if "
        "you reload it, your answers are still there.",
    },
    "paced_note": {
        "fr": "Partie {n} sur {total}, ouverte par l'animateur.",
        "en": "Part {n} of {total}, opened by the facilitator.",
    },
    "wait_next_part": {
        "fr": "Merci ! L'animateur ouvrira bientôt la partie suivante : cette page se mettra à "
        "jour toute seule.",
        "en": "Thank you! The facilitator will open the next part soon: this page will update "
        "by itself.",
    },
    "save_closed": {
        "fr": "Réponse non enregistrée : l'atelier vient d'être fermé.",
        "en": "Answer not saved: the workshop has just been closed.",
    },
    "save_not_open": {
        "fr": "Réponse non enregistrée : l'animateur a ouvert une autre partie, la voici.",
        "en": "Answer not saved: the facilitator has opened another part, here it is.",
    },
    "save_failed": {
        "fr": "Réponse non enregistrée. Réessayez ; vos autres réponses sont intactes.",
        "en": "Answer not saved. Please try again; your other answers are intact.",
    },
    "all_done": {
        "fr": "Vous avez répondu à toutes les questions. Merci ! Vous pouvez encore changer une "
        "réponse tant que l'atelier est ouvert.",
        "en": "You have answered every question. Thank you! You can still change an answer "
        "while the workshop is open.",
    },
    "closed_answering": {
        "fr": "Les réponses sont fermées. Merci de votre participation !",
        "en": "Answering is closed. Thank you for taking part!",
    },
    "room_title": {"fr": "Le résultat de la salle", "en": "The room's result"},
    "room_hidden": {
        "fr": "Il apparaîtra dès que {k} personnes auront répondu.",
        "en": "It will appear once {k} people have answered.",
    },
    "room_caption": {
        "fr": "Moyenne de {n} participants ; jamais les réponses d'une personne.",
        "en": "The mean of {n} participants; never one person's answers.",
    },
    "to_discuss": {"fr": "Ce dont la salle va discuter", "en": "What the room will discuss"},
    "refresh": {"fr": "Actualiser", "en": "Refresh"},
    # symmetry verdict
    "verdict": {
        "fr": "**{quadrant}** : ambition client {customer}, capacité interne {internal} "
        "(écart {index}, seuil d'alerte {threshold}).",
        "en": "**{quadrant}**: customer ambition {customer}, internal capability {internal} "
        "(gap {index}, warning threshold {threshold}).",
    },
    "verdict_stall": {
        "fr": ":red[**Alerte décrochage**] : l'ambition client devance la capacité interne.",
        "en": ":red[**Stall warning**]: customer ambition outruns internal capability.",
    },
    "verdict_no_stall": {
        "fr": "Pas d'alerte de décrochage pour la salle.",
        "en": "No stall warning for the room.",
    },
    "verdict_individuals": {
        "fr": "Pris un par un, {stall} participants sur {n} verraient un décrochage.",
        "en": "Taken one by one, {stall} of {n} participants would see a stall.",
    },
    "verdict_withheld": {
        "fr": "La symétrie s'affichera quand {k} personnes auront répondu des deux côtés "
        "(ambition client et capacité interne).",
        "en": "The symmetry will show once {k} people have answered on both sides (customer "
        "ambition and internal capability).",
    },
}


def tr(key: str, lang: Language, **values: object) -> str:
    """A workshop string, {placeholders} filled; shared labels come from the app's strings."""
    text = WORKSHOP_STRINGS[key][lang] if key in WORKSHOP_STRINGS else shared_t(key, lang)
    return text.format(**values) if values else text
