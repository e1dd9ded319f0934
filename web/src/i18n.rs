//! The interface in English and French.
//!
//! Interface strings are written in English in the components and go
//! through [`tr`], which returns the French text when the learner chose
//! French (English otherwise, and for a string missing from the table).
//! Docker's own output is never translated: [`Hint`]s explain the common
//! errors *beside* it, in the learner's language.

use baleine_host::view::BuildView;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// "fr", "fr-FR", "FR_ca" → French; "en…" → English; anything else: none.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s.starts_with("fr") {
            Some(Lang::Fr)
        } else if s.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language to use: the URL's, else the stored choice, else the browser's, else English.
    pub fn choose(url: Option<&str>, stored: Option<&str>, browser: &[String]) -> Lang {
        url.and_then(Lang::parse).or_else(|| stored.and_then(Lang::parse)).or_else(|| browser.iter().find_map(|b| Lang::parse(b))).unwrap_or_default()
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Fr,
            Lang::Fr => Lang::En,
        }
    }
}

/// The interface string `en` in `lang`.
pub fn tr(lang: Lang, en: &'static str) -> &'static str {
    if lang == Lang::En {
        return en;
    }
    fr(en).unwrap_or(en)
}

/// The French table. Keep each English key exactly as written in the code.
fn fr(en: &str) -> Option<&'static str> {
    Some(match en {
        // Tabs and panels.
        "Terminal" => "Terminal",
        "Files" => "Fichiers",
        "Containers" => "Conteneurs",
        "Images" => "Images",
        "Build" => "Build",
        "Networks" => "Réseaux",
        "Volumes" => "Volumes",
        "Compose" => "Compose",
        "Events" => "Événements",
        "Views" => "Vues",
        "Skip to the terminal" => "Aller au terminal",
        // Header.
        "Simulator" => "Simulateur",
        "Nothing here runs real Docker: it is a simulation in your browser" => "Rien ici n'exécute le vrai Docker : c'est une simulation dans votre navigateur",
        "Real Docker" => "Le vrai Docker",
        ": get started" => " : premiers pas",
        "Simulated time" => "Temps simulé",
        "Resume simulated time" => "Reprendre le temps simulé",
        "Pause simulated time" => "Mettre le temps simulé en pause",
        " Play" => " Lecture",
        " Pause" => " Pause",
        "Fast-forward ×10" => "Avance rapide ×10",
        "Skip to the next scheduled event" => "Aller au prochain événement prévu",
        "Next event " => "Événement suivant ",
        "Theme: auto" => "Thème : auto",
        "Theme: dark" => "Thème : sombre",
        "Theme: light" => "Thème : clair",
        "Language" => "Langue",
        // Session bar.
        "Undo" => "Annuler",
        "Undo the last command" => "Annuler la dernière commande",
        "Redo" => "Rétablir",
        "Redo the command undone" => "Refaire la commande annulée",
        "Session" => "Session",
        "Sessions" => "Sessions",
        "Session menu" => "Menu des sessions",
        "Close" => "Fermer",
        "Current session" => "Session en cours",
        "Saved on this computer after each command." => "Enregistrée sur cet ordinateur après chaque commande.",
        "Open" => "Ouvrir",
        "Delete" => "Supprimer",
        "New session" => "Nouvelle session",
        "Name of the new session" => "Nom de la nouvelle session",
        "Create" => "Créer",
        "Reset" => "Réinitialiser",
        "Clean machine" => "Machine neuve",
        "Start of the lesson" => "Début de la leçon",
        "Reset to a clean machine" => "Repartir d'une machine neuve",
        "Back to the start of the lesson" => "Revenir au début de la leçon",
        "History" => "Historique",
        "Back to just after this command" => "Revenir juste après cette commande",
        "Back to before the first command" => "Revenir avant la première commande",
        "(start)" => "(début)",
        "Export" => "Exporter",
        "Export this session to a file" => "Exporter cette session dans un fichier",
        "Import" => "Importer",
        "Import a session file" => "Importer un fichier de session",
        "Share" => "Partager",
        // Lesson panel.
        "Lessons" => "Leçons",
        "Exercises" => "Exercices",
        "Lesson" => "Leçon",
        "Exercise" => "Exercice",
        "Troubleshooting" => "Dépannage",
        " (completed)" => " (terminée)",
        "Each lesson sets up a machine and checks what you do in the terminal, whatever way you do it." => "Chaque leçon prépare une machine et vérifie ce que vous faites dans le terminal, quelle que soit votre façon de faire.",
        "Show the solution" => "Voir la solution",
        "Show a hint" => "Voir un indice",
        "Start again" => "Recommencer",
        "← All lessons" => "← Toutes les leçons",
        "Back to the lesson's starting machine" => "Revenir à la machine de départ de la leçon",
        "Steps completed:" => "Étapes terminées :",
        "Introduction" => "Introduction",
        "Lesson complete!" => "Leçon terminée !",
        "Next:" => "Suivante :",
        "Run" => "Exécuter",
        "Save the file" => "Enregistrer le fichier",
        "No such lesson:" => "Leçon inconnue :",
        "The lesson could not be loaded" => "La leçon n'a pas pu être chargée",
        "Share link: files and commands" => "Lien de partage : fichiers et commandes",
        "Share link: the exact state reached" => "Lien de partage : l'état exact atteint",
        "Anyone who opens this link gets the same scenario, in their own browser." => "Qui ouvre ce lien obtient le même scénario, dans son propre navigateur.",
        "Restored in" => "Restaurée en",
        "commands" => "commandes",
        // Notices.
        "Dismiss" => "Fermer",
        "Download the old save" => "Télécharger l'ancienne sauvegarde",
        "The saved session could not be read, so the machine starts clean." => "La session enregistrée n'a pas pu être lue : la machine repart de zéro.",
        "It was saved by a newer version of baleine." => "Elle a été enregistrée par une version plus récente de baleine.",
        "It is not a baleine session." => "Ce n'est pas une session baleine.",
        "It is damaged" => "Elle est endommagée",
        "The shared link could not be opened" => "Le lien partagé n'a pas pu être ouvert",
        "The scenario could not be loaded" => "Le scénario n'a pas pu être chargé",
        "The imported file could not be read" => "Le fichier importé n'a pas pu être lu",
        "The session could not be saved (storage full or disabled)." => "La session n'a pas pu être enregistrée (stockage plein ou désactivé).",
        "Shared scenario" => "Scénario partagé",
        "This link brings a scenario. Nothing runs until you press Run." => "Ce lien apporte un scénario. Rien ne s'exécute avant d'appuyer sur Lancer.",
        "Run it" => "Lancer",
        "files" => "fichiers",
        "the exact state of a session" => "l'état exact d'une session",
        "A new version of baleine is ready: reload to use it." => "Une nouvelle version de baleine est prête : rechargez pour l'utiliser.",
        "Reload" => "Recharger",
        "Session imported." => "Session importée.",
        // Terminal.
        "Command output" => "Sortie des commandes",
        "Command line" => "Ligne de commande",
        "Hint" => "Astuce",
        "Why?" => "Pourquoi ?",
        "Rebuilt: " => "Reconstruit : ",
        // Panels' empty states and labels.
        "No containers yet. Try: docker run -d --name web -p 8080:80 nginx" => "Pas encore de conteneur. Essayez : docker run -d --name web -p 8080:80 nginx",
        "No images yet. Try: docker pull nginx" => "Pas encore d'image. Essayez : docker pull nginx",
        "No build yet. Try: docker build -t app ." => "Pas encore de build. Essayez : docker build -t app .",
        "No volumes yet. Try: docker volume create data" => "Pas encore de volume. Essayez : docker volume create data",
        "No compose project yet. Try: docker compose up -d" => "Pas encore de projet compose. Essayez : docker compose up -d",
        "No events yet." => "Pas encore d'événement.",
        "Stop" => "Arrêter",
        "Start" => "Démarrer",
        "Remove" => "Supprimer",
        "Logs" => "Logs",
        "Shell" => "Shell",
        "Restart" => "Redémarrer",
        "Pause" => "Pause",
        "Unpause" => "Reprendre",
        "Exec" => "Exec",
        "Inspect" => "Inspecter",
        "New file" => "Nouveau fichier",
        "New folder" => "Nouveau dossier",
        "Save" => "Enregistrer",
        "unsaved" => "non enregistré",
        // Panels.
        "Build stages" => "Étapes du build",
        "Confirm deletion" => "Confirmer la suppression",
        "Delete selected" => "Supprimer la sélection",
        "Files and editor" => "Fichiers et éditeur",
        "Layers, top first" => "Couches, de la plus haute à la plus basse",
        "Network diagram" => "Schéma des réseaux",
        "Problems" => "Problèmes",
        "Project files" => "Fichiers du projet",
        "Rename selected" => "Renommer la sélection",
        "Service dependencies" => "Dépendances des services",
        "Startup timeline" => "Chronologie du démarrage",
        "unsaved changes" => "modifications non enregistrées",
        "Save (Ctrl+S)" => "Enregistrer (Ctrl+S)",
        "created, waiting" => "créé, en attente",
        "healthy" => "sain (healthy)",
        "started" => "démarré",
        "  · DNS by name" => "  · DNS par nom",
        "  · internal" => "  · interne",
        "  · no DNS by name" => "  · pas de DNS par nom",
        " (ro)" => " (lecture seule)",
        " healthy · " => " sain · ",
        " or " => " ou ",
        " running  " => " en marche  ",
        " waiting  " => " en attente  ",
        "+ File" => "+ Fichier",
        "+ Folder" => "+ Dossier",
        "Build failed" => "Build échoué",
        "Build succeeded" => "Build réussi",
        "Cancel" => "Annuler",
        "Command" => "Commande",
        "Create or select a file to edit it." => "Créez ou choisissez un fichier pour le modifier.",
        "Driver" => "Pilote",
        "ID" => "ID",
        "Image" => "Image",
        "Mounts" => "Montages",
        "No build yet. Write a Dockerfile, then " => "Pas encore de build. Écrivez un Dockerfile, puis ",
        "No compose project. Write a compose.yaml, then " => "Pas de projet compose. Écrivez un compose.yaml, puis ",
        "No containers yet. Try " => "Pas encore de conteneur. Essayez ",
        "No images yet. " => "Pas encore d'image. ",
        "No volumes. " => "Pas de volume. ",
        "Ports" => "Ports",
        "Rename" => "Renommer",
        "Select two containers to see whether the first can reach the second." => "Choisissez deux conteneurs pour voir si le premier peut joindre le second.",
        "Status" => "Statut",
        "The project folder is empty." => "Le dossier du projet est vide.",
        "Used by" => "Utilisé par",
        "anonymous" => "anonyme",
        "modified" => "modifié",
        "name resolves but no route" => "le nom se résout mais pas de route",
        "no IP" => "pas d'IP",
        "no containers" => "aucun conteneur",
        "nobody (dangling)" => "personne (orphelin)",
        "not reachable" => "injoignable",
        "reachable" => "joignable",
        "skipped" => "ignorée",
        _ => return None,
    })
}

/// The engine's "why" explanations (network reachability, build cache
/// misses) are English sentences with names in them: in French, their
/// known phrases are translated and the names kept.
pub fn why(lang: Lang, text: &str) -> String {
    if lang == Lang::En {
        return text.to_string();
    }
    const PHRASES: &[(&str, &str)] = &[
        // Build cache misses.
        ("no cache record for this step (the cache was pruned)", "aucune trace de cette étape dans le cache (le cache a été vidé)"),
        ("no previous build of this step", "aucun build précédent de cette étape"),
        ("base image changed (", "l'image de base a changé ("),
        (" now gives a different image)", " donne maintenant une autre image)"),
        ("base changed: was ", "la base a changé : avant "),
        ("parent step was rebuilt", "l'étape parente a été reconstruite"),
        ("parent step changed", "l'étape parente a changé"),
        ("instruction changed: was ", "l'instruction a changé : avant "),
        ("ENV changed: ", "ENV a changé : "),
        ("USER changed: was ", "USER a changé : avant "),
        ("WORKDIR changed: was ", "WORKDIR a changé : avant "),
        ("files changed", "fichiers modifiés"),
        ("file changed", "fichier modifié"),
        ("files added", "fichiers ajoutés"),
        ("file added", "fichier ajouté"),
        ("files removed", "fichiers supprimés"),
        ("file removed", "fichier supprimé"),
        (" more)", " de plus)"),
        (" is new", " est nouveau"),
        (" changed: ", " a changé : "),
        (", now ", ", maintenant "),
        // Reachability.
        ("There is no container named ", "Il n'y a pas de conteneur nommé "),
        (" is not running: a stopped container has no network at all.", " ne tourne pas : un conteneur arrêté n'a aucun réseau."),
        (" are both on the default 'bridge' network, which has no embedded DNS. Put them on a user-defined network (docker network create ...) to use names, or use the IP address.", " sont tous deux sur le réseau 'bridge' par défaut, qui n'a pas de DNS intégré. Mettez-les sur un réseau créé par l'utilisateur (docker network create ...) pour utiliser les noms, ou utilisez l'adresse IP."),
        (" is not. Containers only resolve and reach each other on a network they share: docker network connect ", " n'y est pas. Les conteneurs ne se résolvent et ne se joignent que sur un réseau qu'ils partagent : docker network connect "),
        ("' does not resolve from ", "' ne se résout pas depuis "),
        ("' does not resolve: ", "' ne se résout pas : "),
        (" has no way out: its networks are internal or 'none'.", " n'a pas d'accès vers l'extérieur : ses réseaux sont internes ou 'none'."),
        (" is not running, and a stopped container has no address on the network (docker start ", " ne tourne pas, et un conteneur arrêté n'a pas d'adresse sur le réseau (docker start "),
        ("' is not a container name, alias or known host on any network of ", "' n'est ni un nom de conteneur, ni un alias, ni un hôte connu sur les réseaux de "),
        (" is not on: packets have no route.", " n'est pas : les paquets n'ont pas de route."),
        (", but on a network ", ", mais sur un réseau où "),
        (" has the address ", " a l'adresse "),
        (", but nothing listens there on any port.", ", mais rien n'y écoute, sur aucun port."),
        (" (listening on ", " (à l'écoute sur "),
        (" is outside the Docker networks.", " est hors des réseaux Docker."),
        (" is not running.", " ne tourne pas."),
        (" is on ", " est sur "),
        (" reaches ", " joint "),
        (" and ", " et "),
        (" at ", " à "),
    ];
    let mut out = text.to_string();
    for (en, fr) in PHRASES {
        if out.contains(en) {
            out = out.replace(en, fr);
        }
    }
    out
}

/// A short explanation shown after a common Docker error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Hint {
    NameConflict,
    PortAllocated,
    NoSuchImage,
    ExecNotFound,
    DnsDefaultBridge,
    UnhealthyDependency,
    CacheMiss,
}

impl Hint {
    pub const ALL: [Hint; 7] = [Hint::NameConflict, Hint::PortAllocated, Hint::NoSuchImage, Hint::ExecNotFound, Hint::DnsDefaultBridge, Hint::UnhealthyDependency, Hint::CacheMiss];

    pub fn id(self) -> &'static str {
        match self {
            Hint::NameConflict => "name-conflict",
            Hint::PortAllocated => "port-allocated",
            Hint::NoSuchImage => "no-such-image",
            Hint::ExecNotFound => "exec-not-found",
            Hint::DnsDefaultBridge => "dns-default-bridge",
            Hint::UnhealthyDependency => "unhealthy-dependency",
            Hint::CacheMiss => "cache-miss",
        }
    }

    /// The error in a command's output (plain text), if it is a known one.
    pub fn detect(text: &str) -> Option<Hint> {
        let t = text;
        if t.contains("is already in use by container") {
            Some(Hint::NameConflict)
        } else if t.contains("port is already allocated") || t.contains("address already in use") {
            Some(Hint::PortAllocated)
        } else if t.contains("pull access denied") || t.contains("No such image") || t.contains("manifest unknown") {
            Some(Hint::NoSuchImage)
        } else if t.contains("executable file not found in $PATH") {
            Some(Hint::ExecNotFound)
        } else if t.contains("bad address '") || t.contains("Name or service not known") || t.contains("Could not resolve host") || t.contains("can't resolve") || t.contains("Temporary failure in name resolution") {
            Some(Hint::DnsDefaultBridge)
        } else if t.contains("dependency failed to start") || (t.contains("dependency") && t.contains("is unhealthy")) {
            Some(Hint::UnhealthyDependency)
        } else {
            None
        }
    }

    /// After `docker build`: a step ran again after cached steps (the first
    /// miss invalidates every step after it). Returns the step's name.
    pub fn cache_miss(build: &BuildView) -> Option<String> {
        let first_cached = build.steps.iter().position(|s| s.cached)?;
        build.steps.iter().skip(first_cached).find(|s| !s.cached && s.name.contains("RUN")).map(|s| s.name.clone())
    }

    pub fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Hint::NameConflict, Lang::En) => "Container names are unique: a container with this name already exists, even if it is stopped. Remove it (docker rm -f NAME) or choose another --name.",
            (Hint::NameConflict, Lang::Fr) => "Les noms de conteneurs sont uniques : un conteneur porte déjà ce nom, même arrêté. Supprimez-le (docker rm -f NOM) ou choisissez un autre --name.",
            (Hint::PortAllocated, Lang::En) => "Another container already publishes this host port. Stop it, or publish on another host port (for example -p 8081:80). The new container stays in the Created state.",
            (Hint::PortAllocated, Lang::Fr) => "Un autre conteneur publie déjà ce port de l'hôte. Arrêtez-le, ou publiez sur un autre port de l'hôte (par exemple -p 8081:80). Le nouveau conteneur reste à l'état Created.",
            (Hint::NoSuchImage, Lang::En) => "Docker found no image with this name, locally or in the registry. Check the spelling and the tag (docker images lists the local ones); an image you build needs docker build -t NAME first.",
            (Hint::NoSuchImage, Lang::Fr) => "Docker n'a trouvé aucune image de ce nom, ni en local ni dans le registre. Vérifiez l'orthographe et le tag (docker images liste les images locales) ; une image à construire demande d'abord docker build -t NOM.",
            (Hint::ExecNotFound, Lang::En) => "The program to run does not exist in the image. Small images (alpine, busybox) have sh but not bash; check the command, or install the program in the Dockerfile.",
            (Hint::ExecNotFound, Lang::Fr) => "Le programme à lancer n'existe pas dans l'image. Les petites images (alpine, busybox) ont sh mais pas bash ; vérifiez la commande, ou installez le programme dans le Dockerfile.",
            (Hint::DnsDefaultBridge, Lang::En) => "The name does not resolve. Containers find each other by name only on a user-defined network (docker network create NET, then --network NET): the default bridge has no DNS.",
            (Hint::DnsDefaultBridge, Lang::Fr) => "Le nom ne se résout pas. Les conteneurs ne se trouvent par leur nom que sur un réseau créé par l'utilisateur (docker network create RÉSEAU, puis --network RÉSEAU) : le bridge par défaut n'a pas de DNS.",
            (Hint::UnhealthyDependency, Lang::En) => "Compose waited for a dependency declared with condition: service_healthy, and its healthcheck failed. Look at its logs (docker compose logs SERVICE) and its healthcheck.",
            (Hint::UnhealthyDependency, Lang::Fr) => "Compose attendait une dépendance déclarée avec condition: service_healthy, et son healthcheck a échoué. Regardez ses logs (docker compose logs SERVICE) et son healthcheck.",
            (Hint::CacheMiss, Lang::En) => "A step ran again after cached steps: once one step misses the cache, every step after it runs again. Copy what changes often (your sources) after the slow steps (installing dependencies).",
            (Hint::CacheMiss, Lang::Fr) => "Une étape s'est réexécutée après des étapes en cache : dès qu'une étape manque le cache, toutes les suivantes se réexécutent. Copiez ce qui change souvent (vos sources) après les étapes lentes (l'installation des dépendances).",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_choice() {
        assert_eq!(Lang::choose(None, None, &["fr-FR".into(), "en".into()]), Lang::Fr);
        assert_eq!(Lang::choose(None, Some("en"), &["fr-FR".into()]), Lang::En);
        assert_eq!(Lang::choose(Some("fr"), Some("en"), &[]), Lang::Fr);
        assert_eq!(Lang::choose(Some("de"), None, &["de-DE".into()]), Lang::En);
    }

    #[test]
    fn tables() {
        assert_eq!(tr(Lang::Fr, "Containers"), "Conteneurs");
        assert_eq!(tr(Lang::En, "Containers"), "Containers");
        assert_eq!(tr(Lang::Fr, "not in the table"), "not in the table");
        for h in Hint::ALL {
            assert_ne!(h.text(Lang::En), h.text(Lang::Fr));
        }
    }

    /// Every English string passed to `tr` in the sources has a French entry.
    #[test]
    fn every_interface_string_is_translated() {
        let sources = [
            include_str!("app.rs"),
            include_str!("components/build.rs"),
            include_str!("components/compose.rs"),
            include_str!("components/containers.rs"),
            include_str!("components/editor.rs"),
            include_str!("components/events.rs"),
            include_str!("components/file_tree.rs"),
            include_str!("components/header.rs"),
            include_str!("components/images.rs"),
            include_str!("components/networks.rs"),
            include_str!("components/notices.rs"),
            include_str!("components/session_bar.rs"),
            include_str!("components/tabs.rs"),
            include_str!("components/terminal.rs"),
            include_str!("components/volumes.rs"),
        ];
        let mut missing = Vec::new();
        let mut seen = 0;
        for src in sources {
            for opener in ["tr(lang, \"", "tr(ui_lang, \"", "t(\"", "t_(\"", "self.tr(\"", "ctl.tr(\""] {
                for (i, _) in src.match_indices(opener) {
                    // `t("` must be the call itself, not the end of `expect("`.
                    if src[..i].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        continue;
                    }
                    let rest = &src[i + opener.len()..];
                    let Some(end) = rest.find('"') else { continue };
                    let key = &rest[..end];
                    seen += 1;
                    if fr(key).is_none() {
                        missing.push(key.to_string());
                    }
                }
            }
        }
        for t in crate::state::Tab::ALL {
            if fr(t.label()).is_none() {
                missing.push(t.label().to_string());
            }
        }
        assert!(seen > 100, "{seen}");
        assert!(missing.is_empty(), "no French for: {missing:?}");
    }

    #[test]
    fn why_in_french() {
        assert_eq!(why(Lang::En, "parent step was rebuilt"), "parent step was rebuilt");
        assert_eq!(why(Lang::Fr, "parent step was rebuilt"), "l'étape parente a été reconstruite");
        assert_eq!(
            why(Lang::Fr, "'db' does not resolve: api and db are both on the default 'bridge' network, which has no embedded DNS. Put them on a user-defined network (docker network create ...) to use names, or use the IP address."),
            "'db' ne se résout pas : api et db sont tous deux sur le réseau 'bridge' par défaut, qui n'a pas de DNS intégré. Mettez-les sur un réseau créé par l'utilisateur (docker network create ...) pour utiliser les noms, ou utilisez l'adresse IP."
        );
        assert_eq!(why(Lang::Fr, "api reaches db at 172.18.0.3 (listening on 5432/tcp)."), "api joint db à 172.18.0.3 (à l'écoute sur 5432/tcp).");
    }

    #[test]
    fn hints_for_docker_errors() {
        let cases = [
            ("docker: Error response from daemon: Conflict. The container name \"/web\" is already in use by container \"abc\". You have to remove (or rename) that container to be able to reuse that name.", Hint::NameConflict),
            ("docker: Error response from daemon: driver failed programming external connectivity on endpoint b: Bind for 0.0.0.0:8080 failed: port is already allocated.", Hint::PortAllocated),
            ("docker: Error response from daemon: pull access denied for nope, repository does not exist or may require 'docker login'", Hint::NoSuchImage),
            ("OCI runtime exec failed: exec failed: unable to start container process: exec: \"bash\": executable file not found in $PATH: unknown", Hint::ExecNotFound),
            ("ping: bad address 'db'", Hint::DnsDefaultBridge),
            ("dependency failed to start: container uh-db-1 is unhealthy", Hint::UnhealthyDependency),
        ];
        for (text, hint) in cases {
            assert_eq!(Hint::detect(text), Some(hint), "{text}");
        }
        assert_eq!(Hint::detect("CONTAINER ID   IMAGE"), None);
    }
}
