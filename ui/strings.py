"""Interface strings of the app pages, in French and English."""

from assessment.models import Language

UI_STRINGS: dict[str, dict[Language, str]] = {
    # navigation
    "page_start": {"fr": "Accueil", "en": "Start"},
    "page_answer": {"fr": "Répondre", "en": "Answer"},
    "page_results": {"fr": "Résultats", "en": "Results"},
    "page_workshop": {"fr": "Atelier en direct", "en": "Live workshop"},
    "page_facilitate": {"fr": "Animer l'atelier", "en": "Facilitate"},
    "page_questionnaire": {"fr": "Le questionnaire", "en": "The questionnaire"},
    "page_roadmap": {"fr": "Feuille de route", "en": "Roadmap"},
    "page_benchmark": {"fr": "Comparaison", "en": "Benchmark"},
    "go_to_start": {"fr": "Aller à l'accueil", "en": "Go to the start page"},
    "no_assessment": {
        "fr": "Aucune évaluation ouverte dans ce navigateur : commencez-en une ou reprenez-la "
        "avec votre lien privé.",
        "en": "No assessment is open in this browser: start one, or resume yours with its "
        "private link.",
    },
    # start page
    "intro": {
        "fr": "Évaluez en une vingtaine de minutes la maturité de votre organisation sur quatre "
        "dimensions : culture, outils, expérience collaborateur et symétrie entre expérience "
        "client et expérience collaborateur. Chaque réponse est enregistrée dès que vous la "
        "donnez ; vous pouvez vous arrêter et reprendre plus tard.",
        "en": "Assess your organisation's maturity in about twenty minutes on four dimensions: "
        "culture, tools, employee experience, and the symmetry between customer and employee "
        "experience. Every answer is saved as soon as you give it; you can stop and resume later.",
    },
    "new_assessment": {"fr": "Nouvelle évaluation", "en": "New assessment"},
    "organisation": {"fr": "Organisation", "en": "Organisation"},
    "sector": {"fr": "Secteur d'activité (NACE)", "en": "Sector (NACE)"},
    "size_class": {"fr": "Effectif", "en": "Number of employees"},
    "country": {"fr": "Pays", "en": "Country"},
    "role": {"fr": "Votre fonction", "en": "Your role"},
    "choose": {"fr": "Choisir…", "en": "Choose…"},
    "profile_use": {
        "fr": "Le profil sert à vous comparer à des organisations semblables (secteur, taille).",
        "en": "The profile is used to compare you with similar organisations (sector, size).",
    },
    "fill_in": {"fr": "À compléter : {fields}.", "en": "Please fill in: {fields}."},
    "start_assessment": {"fr": "Commencer l'évaluation", "en": "Start the assessment"},
    "resume_title": {"fr": "Reprendre une évaluation", "en": "Resume an assessment"},
    "resume_label": {"fr": "Votre lien privé", "en": "Your private link"},
    "resume_button": {"fr": "Reprendre", "en": "Resume"},
    "link_unknown": {
        "fr": "Ce lien ne correspond à aucune évaluation. Vérifiez qu'il est complet.",
        "en": "This link does not match any assessment. Check that it is complete.",
    },
    "link_expired": {
        "fr": "Ce lien a expiré : l'évaluation, inactive depuis trop longtemps, a été effacée.",
        "en": "This link has expired: the assessment was inactive for too long and was erased.",
    },
    "questionnaire_missing": {
        "fr": "Le questionnaire « {id} » de cette évaluation n'est plus installé.",
        "en": "This assessment's questionnaire '{id}' is no longer installed.",
    },
    "progress": {
        "fr": "{done} questions sur {total} répondues",
        "en": "{done} of {total} questions answered",
    },
    "continue": {"fr": "Continuer à répondre", "en": "Continue answering"},
    "see_results": {"fr": "Voir les résultats", "en": "See the results"},
    "private_link": {"fr": "Votre lien privé", "en": "Your private link"},
    "private_link_help": {
        "fr": "Gardez ce lien pour reprendre depuis n'importe quel navigateur. Quiconque le "
        "possède peut lire et modifier l'évaluation : ne le partagez qu'avec confiance.",
        "en": "Keep this link to resume from any browser. Anyone who has it can read and change "
        "the assessment: share it only with people you trust.",
    },
    "edit_profile": {"fr": "Modifier le profil", "en": "Edit the profile"},
    "save": {"fr": "Enregistrer", "en": "Save"},
    "saved": {"fr": "Enregistré", "en": "Saved"},
    "other_actions": {"fr": "Autres actions", "en": "Other actions"},
    "leave_assessment": {
        "fr": "Quitter cette évaluation dans ce navigateur (elle reste enregistrée)",
        "en": "Leave this assessment in this browser (it stays saved)",
    },
    "delete_title": {"fr": "Supprimer l'évaluation", "en": "Delete the assessment"},
    "delete_help": {
        "fr": "Efface définitivement le profil, les réponses et les commentaires. Le lien privé "
        "ne fonctionnera plus.",
        "en": "Permanently erases the profile, answers and comments. The private link will stop "
        "working.",
    },
    "delete_confirm": {
        "fr": "Je comprends que cette suppression est définitive",
        "en": "I understand this cannot be undone",
    },
    "delete_button": {"fr": "Supprimer définitivement", "en": "Delete permanently"},
    "deleted": {"fr": "L'évaluation a été supprimée.", "en": "The assessment was deleted."},
    # answer page
    "steps": {"fr": "Étapes", "en": "Steps"},
    "your_answer": {"fr": "Votre réponse", "en": "Your answer"},
    "comment": {"fr": "Commentaire (facultatif)", "en": "Comment (optional)"},
    "comment_placeholder": {
        "fr": "Un exemple, une nuance… enregistré quand vous quittez le champ.",
        "en": "An example, a nuance… saved when you leave the field.",
    },
    "reference_point_note": {"fr": "repère publié", "en": "published reference point"},
    "dont_know_count": {"fr": "dont {n} « je ne sais pas »", "en": '{n} of them "don\'t know"'},
    "still_unanswered": {
        "fr": "Encore sans réponse dans cette étape : questions {questions}.",
        "en": "Still unanswered in this step: questions {questions}.",
    },
    "step_complete": {"fr": "Étape complète.", "en": "Step complete."},
    "back": {"fr": "Précédent", "en": "Back"},
    "next": {"fr": "Suivant", "en": "Next"},
    "save_failed": {
        "fr": "Réponse NON enregistrée ({error}). Réessayez ; vos autres réponses sont intactes.",
        "en": "Answer NOT saved ({error}). Please try again; your other answers are intact.",
    },
    # database outages
    "database_unavailable": {
        "fr": "La base de données est injoignable pour le moment. Rien n'est perdu : vos "
        "réponses déjà enregistrées y sont ; celle que vous venez de donner devra peut-être "
        "être redonnée.",
        "en": "The database cannot be reached right now. Nothing is lost: your saved answers "
        "are there; the one you just gave may need to be given again.",
    },
    "database_retrying": {
        "fr": "Nouvel essai toutes les {seconds} secondes ; la page reviendra d'elle-même.",
        "en": "Trying again every {seconds} seconds; the page will come back by itself.",
    },
    "database_schema": {
        "fr": "Cette base de données ne correspond pas à cette version de l'application : {detail}",
        "en": "This database does not match this version of the app: {detail}",
    },
    # results page
    "results_title": {"fr": "Résultats : {organisation}", "en": "Results: {organisation}"},
    "overall_score": {"fr": "Score global", "en": "Overall score"},
    "maturity_level": {"fr": "Niveau de maturité", "en": "Maturity level"},
    "partial_result": {
        "fr": "Résultat partiel : {coverage} des questions ont une réponse. Les scores ne portent "
        "que sur les questions répondues ; « je ne sais pas » réduit la couverture, pas le score.",
        "en": "Partial result: {coverage} of the questions are answered. Scores cover answered "
        'questions only; "don\'t know" lowers coverage, not the score.',
    },
    "nothing_answered": {
        "fr": "Aucune réponse pour l'instant : les résultats apparaîtront dès la première.",
        "en": "No answer yet: results appear from the first one.",
    },
    "symmetry_title": {
        "fr": "Symétrie : ambition client et capacité interne",
        "en": "Symmetry: customer ambition and internal capability",
    },
    "symmetry_help": {
        "fr": "Le client donne la portance, l'organisation interne la poussée. Si l'ambition "
        "client dépasse ce que les collaborateurs peuvent tenir, l'avion décroche.",
        "en": "Customers give the lift, the internal organisation the thrust. When the customer "
        "ambition outruns what employees can deliver, the plane stalls.",
    },
    "no_stall_explained": {
        "fr": "Pas de décrochage : l'écart côté client − côté interne est de {index} points, "
        "sous le seuil d'alerte de {threshold} points.",
        "en": "No stall: the customer-side minus internal-side gap is {index} points, below the "
        "{threshold}-point warning threshold.",
    },
    "answered_of": {"fr": "{done}/{total} répondues", "en": "{done}/{total} answered"},
    "strongest_questions": {"fr": "Points forts", "en": "Strongest points"},
    "weakest_questions": {"fr": "Points faibles", "en": "Weakest points"},
    "download_xlsx": {"fr": "Classeur Excel (comité)", "en": "Excel workbook (committee)"},
    "download_json": {"fr": "Sauvegarde JSON", "en": "JSON backup"},
    "download_json_help": {
        "fr": "Tout le contenu de l'évaluation, pour la restaurer plus tard ou ailleurs.",
        "en": "The whole assessment, to restore it later or elsewhere.",
    },
    "import_title": {
        "fr": "Importer une évaluation exportée",
        "en": "Import an exported assessment",
    },
    "import_help": {
        "fr": "Un classeur .xlsx ou une sauvegarde .json produits par cette application "
        "deviennent une nouvelle évaluation.",
        "en": "An .xlsx workbook or .json backup made by this app becomes a new assessment.",
    },
    "import_button": {"fr": "Importer", "en": "Import"},
    "import_file": {"fr": "Fichier .xlsx ou .json", "en": ".xlsx or .json file"},
    "import_refused": {
        "fr": "Import refusé, rien n'a été enregistré : {reason}",
        "en": "Import refused, nothing was saved: {reason}",
    },
    "interpretation": {"fr": "Lecture du résultat", "en": "Reading the result"},
    # questionnaire reference page and shared labels
    "choose_questionnaire": {"fr": "Questionnaire", "en": "Questionnaire"},
    "invalid_questionnaire": {
        "fr": "Ce fichier de questionnaire contient des erreurs et ne peut pas être utilisé :",
        "en": "This questionnaire file has errors and cannot be used:",
    },
    "no_questionnaire": {
        "fr": "Aucun questionnaire valide dans le dossier questionnaires/.",
        "en": "No valid questionnaire in the questionnaires/ folder.",
    },
    "overview_caption": {
        "fr": "{dimensions} dimensions, {questions} questions. Chaque question se répond sur "
        "une échelle à 5 niveaux décrits, ou « je ne sais pas ».",
        "en": "{dimensions} dimensions, {questions} questions. Each question is answered on a "
        '5-level described scale, or "don\'t know".',
    },
    "app_title": {"fr": "Maturité de la transformation", "en": "Transformation maturity"},
    "side_internal": {"fr": "interne (réalité des employés)", "en": "internal (employee reality)"},
    "side_customer": {"fr": "client (ambition)", "en": "customer (ambition)"},
    "answer_scale": {"fr": "Échelle de réponse", "en": "Answer scale"},
    "reference_points": {"fr": "Repères publiés", "en": "Published reference points"},
    "reference_caveat": {
        "fr": "Chiffres isolés cités par les sources : des repères, pas une distribution "
        "d'organisations comparables.",
        "en": "Single figures cited by the sources: landmarks, not a distribution of "
        "comparable organisations.",
    },
    "not_answered": {"fr": "pas de réponse", "en": "not answered"},
}
