<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>ErrorText</name>
    <message>
        <source>the file could not be read</source>
        <translation>le fichier n’a pas pu être lu</translation>
    </message>
    <message>
        <source>the file ends early</source>
        <translation>le fichier se termine trop tôt</translation>
    </message>
    <message>
        <source>this is not a model file of a known kind</source>
        <translation>ce n’est pas un fichier de modèle d’un format connu</translation>
    </message>
    <message>
        <source>the file uses a feature that is not supported</source>
        <translation>le fichier utilise une fonctionnalité non prise en charge</translation>
    </message>
    <message>
        <source>the file breaks a rule of its format</source>
        <translation>le fichier enfreint une règle de son format</translation>
    </message>
    <message>
        <source>a size in the file is too large</source>
        <translation>une taille indiquée dans le fichier est trop grande</translation>
    </message>
    <message>
        <source>parts of the model do not agree with each other</source>
        <translation>des parties du modèle ne concordent pas</translation>
    </message>
    <message>
        <source>the operation was cancelled</source>
        <translation>l’opération a été annulée</translation>
    </message>
    <message>
        <source>the request was not valid</source>
        <translation>la demande n’était pas valide</translation>
    </message>
    <message>
        <source>the job needs more memory than its budget allows</source>
        <translation>la tâche demande plus de mémoire que son budget ne le permet</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>erreur inconnue</translation>
    </message>
    <message>
        <source>Could not open “%1”: %2</source>
        <translation>Impossible d’ouvrir « %1 » : %2</translation>
    </message>
    <message>
        <source>Could not open “%1”: %2 (at byte %3).</source>
        <translation>Impossible d’ouvrir « %1 » : %2 (à l’octet %3).</translation>
    </message>
    <message>
        <source>Could not open “%1”: %2.</source>
        <translation>Impossible d’ouvrir « %1 » : %2.</translation>
    </message>
    <message>
        <source>Detail: %1</source>
        <translation>Détail : %1</translation>
    </message>
</context>
<context>
    <name>ModelDescription</name>
    <message>
        <source>GGUF v%1</source>
        <translation>GGUF v%1</translation>
    </message>
    <message>
        <source>safetensors</source>
        <translation>safetensors</translation>
    </message>
    <message>
        <source>Hugging Face folder</source>
        <translation>dossier Hugging Face</translation>
    </message>
    <message>
        <source>llama2.c checkpoint</source>
        <translation>checkpoint llama2.c</translation>
    </message>
    <message>
        <source>%1 tensors · %2 parameters · %3 on disk · %4 bits/weight</source>
        <translation>%1 tenseurs · %2 paramètres · %3 sur disque · %4 bits/poids</translation>
    </message>
    <message>
        <source>no tokenizer in this model</source>
        <translation>pas de tokenizer dans ce modèle</translation>
    </message>
    <message>
        <source>SentencePiece (llama)</source>
        <translation>SentencePiece (llama)</translation>
    </message>
    <message>
        <source>byte-level BPE (gpt2)</source>
        <translation>BPE au niveau des octets (gpt2)</translation>
    </message>
    <message>
        <source>%1, %2 tokens</source>
        <translation>%1, %2 jetons</translation>
    </message>
    <message>
        <source>, %1 merges</source>
        <translation>, %1 fusions</translation>
    </message>
    <message>
        <source>, pre-tokenizer “%1”</source>
        <translation>, pré-tokenizer « %1 »</translation>
    </message>
    <message>
        <source>Selected tensors: %1 · %2 parameters · %3</source>
        <translation>Tenseurs sélectionnés : %1 · %2 paramètres · %3</translation>
    </message>
</context>
<context>
    <name>QAbstractItemView</name>
    <message>
        <source>Export as CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Save this table as comma-separated values</source>
        <translation>Enregistrer ce tableau en valeurs séparées par des virgules</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>Exporter le tableau</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>Impossible d&apos;écrire %1</translation>
    </message>
</context>
<context>
    <name>QChartView</name>
    <message>
        <source>Save chart</source>
        <translation>Enregistrer le graphique</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>Dessins SVG (*.svg)</translation>
    </message>
    <message>
        <source>Save chart as PNG or SVG…</source>
        <translation>Enregistrer le graphique en PNG ou SVG…</translation>
    </message>
    <message>
        <source>Save the chart as a picture (PNG) or a vector drawing (SVG)</source>
        <translation>Enregistrer le graphique comme image (PNG) ou comme dessin vectoriel (SVG)</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>Impossible d&apos;écrire %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Look inside language model files and decide how to quantize them.</source>
        <translation>Examiner des fichiers de modèles de langue et décider comment les quantifier.</translation>
    </message>
    <message>
        <source>Open the model at &lt;path&gt;.</source>
        <translation>Ouvrir le modèle situé à &lt;path&gt;.</translation>
    </message>
    <message>
        <source>path</source>
        <translation>chemin</translation>
    </message>
    <message>
        <source>Render the main views into &lt;dir&gt;/*.png and quit.</source>
        <translation>Enregistrer les vues principales dans &lt;dir&gt;/*.png et quitter.</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>dossier</translation>
    </message>
    <message>
        <source>With --screenshot: evaluate the common presets on &lt;file&gt; and render the Evaluate and Trade-off tabs too.</source>
        <translation>Avec --screenshot : évaluer les préréglages courants sur &lt;file&gt; et rendre aussi les onglets « Évaluer » et « Compromis ».</translation>
    </message>
    <message>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <source>A model file or folder to open.</source>
        <translation>Un fichier ou dossier de modèle à ouvrir.</translation>
    </message>
    <message>
        <source>Quantization Explorer</source>
        <translation>Quantization Explorer</translation>
    </message>
    <message>
        <source>Open the built-in demo model.</source>
        <translation>Ouvrir le modèle de démonstration intégré.</translation>
    </message>
    <message>
        <source>Compare the opened model with the model at &lt;path&gt; (Compare tab).</source>
        <translation>Comparer le modèle ouvert au modèle situé à &lt;path&gt; (onglet Comparer).</translation>
    </message>
    <message>
        <source>With --screenshot: the window size, e.g. 1920x1080 (default 1280x800).</source>
        <translation>Avec --screenshot : la taille de la fenêtre, p. ex. 1920x1080 (par défaut 1280x800).</translation>
    </message>
    <message>
        <source>WxH</source>
        <translation>LxH</translation>
    </message>
    <message>
        <source>Interface language for this run (en, de, fr), whatever the settings say.</source>
        <translation>Langue de l&apos;interface pour cette exécution (en, de, fr), quels que soient les réglages.</translation>
    </message>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
</context>
<context>
    <name>qx::app::MainWindow</name>
    <message>
        <source>Quantization Explorer</source>
        <translation>Quantization Explorer</translation>
    </message>
    <message>
        <source>&amp;Open Model File…</source>
        <translation>&amp;Ouvrir un fichier de modèle…</translation>
    </message>
    <message>
        <source>Open Model &amp;Folder…</source>
        <translation>Ouvrir un &amp;dossier de modèle…</translation>
    </message>
    <message>
        <source>&amp;Close Model</source>
        <translation>&amp;Fermer le modèle</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Filter Tensors</source>
        <translation>&amp;Filtrer les tenseurs</translation>
    </message>
    <message>
        <source>&amp;Tensors</source>
        <translation>&amp;Tenseurs</translation>
    </message>
    <message>
        <source>&amp;Info</source>
        <translation>&amp;Infos</translation>
    </message>
    <message>
        <source>&amp;About Quantization Explorer</source>
        <translation>À &amp;propos de Quantization Explorer</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>Tensors</source>
        <translation>Tenseurs</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Infos</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>Évaluer</translation>
    </message>
    <message>
        <source>Trade-off</source>
        <translation>Compromis</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop the running job</source>
        <translation>Arrêter la tâche en cours</translation>
    </message>
    <message>
        <source>Opening %1 was cancelled</source>
        <translation>L’ouverture de %1 a été annulée</translation>
    </message>
    <message>
        <source>Loaded the plan of run “%1” (undo restores the previous plan)</source>
        <translation>Plan de l’exécution « %1 » chargé (Annuler rétablit le plan précédent)</translation>
    </message>
    <message>
        <source>Open Model File</source>
        <translation>Ouvrir un fichier de modèle</translation>
    </message>
    <message>
        <source>Model files (*.gguf *.safetensors *.bin);;GGUF (*.gguf);;safetensors (*.safetensors);;llama2.c checkpoints (*.bin);;All files (*)</source>
        <translation>Fichiers de modèle (*.gguf *.safetensors *.bin);;GGUF (*.gguf);;safetensors (*.safetensors);;Checkpoints llama2.c (*.bin);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Open Hugging Face Model Folder</source>
        <translation>Ouvrir un dossier de modèle Hugging Face</translation>
    </message>
    <message>
        <source>Preparing the demo model…</source>
        <translation>Préparation du modèle de démonstration…</translation>
    </message>
    <message>
        <source>demo model</source>
        <translation>modèle de démonstration</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 ouvert</translation>
    </message>
    <message>
        <source>Could not open the model</source>
        <translation>Impossible d’ouvrir le modèle</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>Impossible d’ouvrir %1</translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2, %3</translation>
    </message>
    <message>
        <source>unknown architecture</source>
        <translation>architecture inconnue</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Couches</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>The GGUF file the plan would export to (exact bytes), its bits per weight over the planned tensors, and its tensor data relative to the stored model</source>
        <translation>Le fichier GGUF que le plan exporterait (octets exacts), ses bits par poids sur les tenseurs planifiés et ses données de tenseurs rapportées au modèle stocké</translation>
    </message>
    <message>
        <source>Learn</source>
        <translation>Apprendre</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>&amp;Save Plan</source>
        <translation>&amp;Enregistrer le plan</translation>
    </message>
    <message>
        <source>Save Plan &amp;As…</source>
        <translation>Enregistrer le plan &amp;sous…</translation>
    </message>
    <message>
        <source>&amp;Load Plan…</source>
        <translation>&amp;Charger un plan…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;Export GGUF…</source>
        <translation>&amp;Exporter en GGUF…</translation>
    </message>
    <message>
        <source>Write the plan as a GGUF file that llama.cpp loads (size shown in the header)</source>
        <translation>Écrire le plan dans un fichier GGUF que llama.cpp charge (taille affichée dans l’en-tête)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l’export</translation>
    </message>
    <message>
        <source>%1%2[*] — Quantization Explorer</source>
        <translation>%1%2[*] — Quantization Explorer</translation>
    </message>
    <message>
        <source>&amp;Licence</source>
        <translation>&amp;Licence</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Comparer</translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>&amp;Vider la liste</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Taille réelle</translation>
    </message>
    <message>
        <source>&amp;Actual Size (now %1 %)</source>
        <translation>&amp;Taille réelle (actuellement %1 %)</translation>
    </message>
    <message>
        <source>Zoom %1 %</source>
        <translation>Zoom %1 %</translation>
    </message>
    <message>
        <source>&amp;Documentation</source>
        <translation>&amp;Documentation</translation>
    </message>
    <message>
        <source>The README and the pages of docs/, built into the program</source>
        <translation>Le README et les pages de docs/, intégrés au programme</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Zoom &amp;avant</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Fichiers &amp;récents</translation>
    </message>
    <message>
        <source>Export Plan &amp;Report…</source>
        <translation>Exporter le &amp;rapport du plan…</translation>
    </message>
    <message>
        <source>Per tensor: stored and planned type, size and why (calibrated tensors name their method), as Markdown, CSV or JSON</source>
        <translation>Par tenseur : type stocké et prévu, taille et raison (les tenseurs calibrés indiquent leur méthode), en Markdown, CSV ou JSON</translation>
    </message>
    <message>
        <source>Opened the built-in demo model</source>
        <translation>Modèle de démonstration intégré ouvert</translation>
    </message>
</context>
<context>
    <name>qx::ui::AboutDialog</name>
    <message>
        <source>About Quantization Explorer</source>
        <translation>À propos de Quantization Explorer</translation>
    </message>
    <message>
        <source>About</source>
        <translation>À propos</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Third-party software</source>
        <translation>Logiciels tiers</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Quantization Explorer %1&lt;/h3&gt;&lt;p&gt;Look inside language model files (GGUF, Hugging Face safetensors folders, llama2.c checkpoints), see how each tensor&apos;s weights are distributed and what quantization does to them, plan a mix of formats under a size budget, measure it, and export a GGUF file that llama.cpp loads.&lt;/p&gt;&lt;p&gt;Copyright © 2026 Quantization Explorer developers.&lt;br&gt;Free software under the MIT licence (see the Licence page).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Quantization Explorer %1&lt;/h3&gt;&lt;p&gt;Examiner des fichiers de modèles de langue (GGUF, dossiers safetensors de Hugging Face, points de contrôle llama2.c), voir comment les poids de chaque tenseur se répartissent et ce que la quantification leur fait, planifier un mélange de formats pour un budget de taille, le mesurer et exporter un fichier GGUF que llama.cpp charge.&lt;/p&gt;&lt;p&gt;Copyright © 2026 Quantization Explorer developers.&lt;br&gt;Logiciel libre sous licence MIT (voir la page « Licence »).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>user interface; linked dynamically</source>
        <translation>interface utilisateur ; liée dynamiquement</translation>
    </message>
    <message>
        <source>matrix products; linked dynamically</source>
        <translation>produits matriciels ; liée dynamiquement</translation>
    </message>
    <message>
        <source>tokenizer.json expressions; linked dynamically</source>
        <translation>expressions de tokenizer.json ; liée dynamiquement</translation>
    </message>
    <message>
        <source>linear algebra; compiled in (header-only)</source>
        <translation>algèbre linéaire ; compilée dans le programme (en-têtes seuls)</translation>
    </message>
    <message>
        <source>command-line options of qexplore-cli; compiled in (header-only)</source>
        <translation>options de ligne de commande de qexplore-cli ; compilée dans le programme (en-têtes seuls)</translation>
    </message>
    <message>
        <source>JSON files; compiled in (header-only), © 2013-2022 Niels Lohmann</source>
        <translation>fichiers JSON ; compilée dans le programme (en-têtes seuls), © 2013-2022 Niels Lohmann</translation>
    </message>
    <message>
        <source>&lt;p&gt;Quantization Explorer is built with these libraries, under their own licences:&lt;/p&gt;</source>
        <translation>&lt;p&gt;Quantization Explorer est construit avec ces bibliothèques, sous leurs propres licences :&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The demo model is this project&apos;s own work (trained by its trainer on its own generated stories) and is under the MIT licence too. The Debian package lists all of this in /usr/share/doc/qexplore/copyright.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Le modèle de démonstration est le travail de ce projet (entraîné par son propre entraîneur sur des histoires qu&apos;il génère lui-même) et est lui aussi sous licence MIT. Le paquet Debian détaille tout cela dans /usr/share/doc/qexplore/copyright.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>qx::ui::BitLayoutView</name>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Stored bits (sign | exponent | mantissa)</source>
        <translation>Bits stockés (signe | exposant | mantisse)</translation>
    </message>
    <message>
        <source>Decoded value</source>
        <translation>Valeur décodée</translation>
    </message>
    <message>
        <source>Rounding error</source>
        <translation>Erreur d&apos;arrondi</translation>
    </message>
</context>
<context>
    <name>qx::ui::BitNetLesson</name>
    <message>
        <source>&lt;h2&gt;BitNet b1.58&lt;/h2&gt;&lt;p&gt;Every weight becomes −1, 0 or +1 times one scale γ, the mean absolute value of the tensor (&lt;b&gt;absmean&lt;/b&gt;): q = clamp(round(x / γ), −1, 1). Three states carry log&lt;sub&gt;2&lt;/sub&gt; 3 ≈ 1.58 bits. BitNet trains with this rule from the start; applied after training, as here, it shows how much information the weights lose.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;BitNet b1.58&lt;/h2&gt;&lt;p&gt;Chaque poids devient −1, 0 ou +1 fois une seule échelle γ, la valeur absolue moyenne du tenseur (&lt;b&gt;absmean&lt;/b&gt;) : q = clamp(round(x / γ), −1, 1). Trois états portent log&lt;sub&gt;2&lt;/sub&gt; 3 ≈ 1,58 bit. BitNet s&apos;entraîne avec cette règle dès le départ ; appliquée après l&apos;entraînement, comme ici, elle montre combien d&apos;information les poids perdent.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Multiplications become additions&lt;/h3&gt;&lt;p&gt;With ternary weights, w·x needs no multiplication per weight: add x where q = +1, subtract it where q = −1, skip it where q = 0, and multiply the sum by γ once.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Les multiplications deviennent des additions&lt;/h3&gt;&lt;p&gt;Avec des poids ternaires, w·x ne demande aucune multiplication par poids : ajouter x là où q = +1, le soustraire là où q = −1, le sauter là où q = 0, et multiplier la somme une seule fois par γ.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>γ = %1. Codes: −1 for %2 %, 0 for %3 %, +1 for %4 % of the weights. SQNR %5 dB.&lt;br&gt;Size of these %6 weights: FP16 %7; ideal ternary %8 (1.58 bits); llama.cpp TQ1_0 %9, TQ2_0 %10 (whole 256-weight blocks).</source>
        <translation>γ = %1. Codes : −1 pour %2 %, 0 pour %3 %, +1 pour %4 % des poids. SQNR %5 dB.&lt;br&gt;Taille de ces %6 poids : FP16 %7 ; ternaire idéal %8 (1,58 bit) ; llama.cpp TQ1_0 %9, TQ2_0 %10 (blocs entiers de 256 poids).</translation>
    </message>
    <message>
        <source>Row 0 of the tensor times a sample activation vector of %1 values: %2 additions, %3 subtractions, %4 skipped zeros and one multiplication by γ give %5; the full-precision weights give %6.</source>
        <translation>La ligne 0 du tenseur fois un vecteur d&apos;activation d&apos;exemple de %1 valeurs : %2 additions, %3 soustractions, %4 zéros sautés et une multiplication par γ donnent %5 ; les poids en pleine précision donnent %6.</translation>
    </message>
    <message>
        <source>weights (count per bin)</source>
        <translation>poids (nombre par classe)</translation>
    </message>
    <message>
        <source>ternary levels −γ, 0, +γ</source>
        <translation>niveaux ternaires −γ, 0, +γ</translation>
    </message>
    <message>
        <source>rounding thresholds ±(γ + ε)/2</source>
        <translation>seuils d&apos;arrondi ±(γ + ε)/2</translation>
    </message>
    <message>
        <source>weight value</source>
        <translation>valeur du poids</translation>
    </message>
    <message>
        <source>weights per bin</source>
        <translation>poids par classe</translation>
    </message>
    <message>
        <source>levels</source>
        <translation>niveaux</translation>
    </message>
    <message>
        <source>BitNet b1.58 (ternary)</source>
        <translation>BitNet b1.58 (ternaire)</translation>
    </message>
</context>
<context>
    <name>qx::ui::BlockSnapView</name>
    <message>
        <source>Each value of the block (dot above) and the level it comes back as (dot on the comb)</source>
        <translation>Chaque valeur du bloc (point du haut) et le niveau sous lequel elle revient (point sur le peigne)</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>n° %1</translation>
    </message>
    <message>
        <source>%1  sc %2 · m %3</source>
        <translation>%1  sc %2 · m %3</translation>
    </message>
    <message>
        <source>%1  sc %2</source>
        <translation>%1  sc %2</translation>
    </message>
    <message>
        <source>weight value</source>
        <translation>valeur du poids</translation>
    </message>
    <message>
        <source>value</source>
        <translation>valeur</translation>
    </message>
    <message>
        <source>after the round trip</source>
        <translation>après l&apos;aller-retour</translation>
    </message>
    <message>
        <source>level (darker: in use)</source>
        <translation>niveau (plus foncé : utilisé)</translation>
    </message>
</context>
<context>
    <name>qx::ui::CalibrationBox</name>
    <message>
        <source>RTN (round to nearest)</source>
        <translation>RTN (arrondi au plus proche)</translation>
    </message>
    <message>
        <source>imatrix (importance-weighted RTN)</source>
        <translation>imatrix (RTN pondéré par l’importance)</translation>
    </message>
    <message>
        <source>GPTQ</source>
        <translation>GPTQ</translation>
    </message>
    <message>
        <source>GPTQ, act-order</source>
        <translation>GPTQ, act-order</translation>
    </message>
    <message>
        <source>AWQ</source>
        <translation>AWQ</translation>
    </message>
    <message>
        <source>AWQ without clipping</source>
        <translation>AWQ sans écrêtage</translation>
    </message>
    <message>
        <source>SmoothQuant (W8A8)</source>
        <translation>SmoothQuant (W8A8)</translation>
    </message>
    <message>
        <source>LLM.int8 (W8A8, outliers in float)</source>
        <translation>LLM.int8 (W8A8, valeurs aberrantes en flottant)</translation>
    </message>
    <message>
        <source>How the weights are rounded: RTN looks at one weight at a time; the other methods also use the activations captured on the calibration text</source>
        <translation>Comment les poids sont arrondis : RTN considère un poids à la fois ; les autres méthodes utilisent aussi les activations capturées sur le texte de calibration</translation>
    </message>
    <message>
        <source>The grid the weights are rounded onto: GGUF block types (exportable) or uniform integer groups (asymmetric, F16 step; evaluation only)</source>
        <translation>La grille sur laquelle les poids sont arrondis : types de blocs GGUF (exportables) ou groupes entiers uniformes (asymétriques, pas F16 ; évaluation seulement)</translation>
    </message>
    <message>
        <source>Plain text whose activations are captured; it should not overlap the evaluation text</source>
        <translation>Texte brut dont les activations sont capturées ; il ne doit pas recouper le texte d’évaluation</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Méthode :</translation>
    </message>
    <message>
        <source>Grid:</source>
        <translation>Grille :</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Texte :</translation>
    </message>
    <message>
        <source>Chunks:</source>
        <translation>Segments :</translation>
    </message>
    <message>
        <source>Context:</source>
        <translation>Contexte :</translation>
    </message>
    <message>
        <source>Dampening:</source>
        <translation>Amortissement :</translation>
    </message>
    <message>
        <source>Alpha:</source>
        <translation>Alpha :</translation>
    </message>
    <message>
        <source>Threshold:</source>
        <translation>Seuil :</translation>
    </message>
    <message>
        <source>Per-layer notes of the last run: losses, dampening, AWQ scales, outlier columns</source>
        <translation>Notes par couche de la dernière exécution : pertes, amortissement, échelles AWQ, colonnes aberrantes</translation>
    </message>
    <message>
        <source>Calibration text</source>
        <translation>Texte de calibration</translation>
    </message>
    <message>
        <source>Text files (*.txt *.raw);;All files (*)</source>
        <translation>Fichiers texte (*.txt *.raw);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Chunks of the calibration text to capture (fewer when the text is shorter)</source>
        <translation>Segments du texte de calibration à capturer (moins si le texte est plus court)</translation>
    </message>
    <message>
        <source>Tokens per calibration chunk; the first is replaced by BOS, as llama-imatrix does</source>
        <translation>Jetons par segment de calibration ; le premier est remplacé par BOS, comme le fait llama-imatrix</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>GPTQ dampening in % of the mean Hessian diagonal (raised automatically when needed)</source>
        <translation>Amortissement GPTQ en % de la diagonale moyenne de la hessienne (augmenté automatiquement si nécessaire)</translation>
    </message>
    <message>
        <source>SmoothQuant migration strength: 0 leaves the activations alone, 1 moves all their range into the weights</source>
        <translation>Force de migration SmoothQuant : 0 laisse les activations intactes, 1 transfère toute leur plage dans les poids</translation>
    </message>
    <message>
        <source>LLM.int8: input columns with any |x| at or above this stay in float</source>
        <translation>LLM.int8 : les colonnes d’entrée dont un |x| atteint ou dépasse cette valeur restent en flottant</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lancer</translation>
    </message>
    <message>
        <source>Capture the calibration text&apos;s activations (cached) and quantize with the method</source>
        <translation>Capturer les activations du texte de calibration (mises en cache) et quantifier avec la méthode</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop the run; the plan stays as it is</source>
        <translation>Arrêter l’exécution ; le plan reste tel quel</translation>
    </message>
    <message>
        <source>Apply to Plan</source>
        <translation>Appliquer au plan</translation>
    </message>
    <message>
        <source>SmoothQuant and LLM.int8 quantize weights and activations to int8 per row and per token: there is no grid to choose, and the result cannot be exported to GGUF</source>
        <translation>SmoothQuant et LLM.int8 quantifient poids et activations en int8 par ligne et par jeton : il n’y a pas de grille à choisir, et le résultat ne peut pas être exporté en GGUF</translation>
    </message>
    <message>
        <source>Choose a method and a calibration text, then Run.</source>
        <translation>Choisissez une méthode et un texte de calibration, puis Lancer.</translation>
    </message>
    <message>
        <source>Open a model to calibrate.</source>
        <translation>Ouvrez un modèle pour le calibrer.</translation>
    </message>
    <message>
        <source>Choose a calibration text first.</source>
        <translation>Choisissez d’abord un texte de calibration.</translation>
    </message>
    <message>
        <source>Calibrating with %1…</source>
        <translation>Calibration avec %1…</translation>
    </message>
    <message>
        <source>Calibrating with %1</source>
        <translation>Calibration avec %1</translation>
    </message>
    <message>
        <source>%1 (calibrated on %2, %3 chunks)</source>
        <translation>%1 (calibré sur %2, %3 segments)</translation>
    </message>
    <message>
        <source>Calibration failed: %1 (%2)</source>
        <translation>Échec de la calibration : %1 (%2)</translation>
    </message>
    <message>
        <source>unexpected error</source>
        <translation>erreur inattendue</translation>
    </message>
    <message>
        <source>Calibration cancelled; the plan was not changed.</source>
        <translation>Calibration annulée ; le plan n’a pas été modifié.</translation>
    </message>
    <message>
        <source>No evaluation text is set: overlap not checked.</source>
        <translation>Aucun texte d’évaluation défini : recouvrement non vérifié.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Warning:&lt;/b&gt; %1 % of the evaluation text&apos;s lines also occur in the calibration text. That flatters the calibrated methods; evaluate on other text.</source>
        <translation>&lt;b&gt;Attention :&lt;/b&gt; %1 % des lignes du texte d’évaluation figurent aussi dans le texte de calibration. Cela flatte les méthodes calibrées ; évaluez sur un autre texte.</translation>
    </message>
    <message>
        <source>Calibration and evaluation texts share no line.</source>
        <translation>Les textes de calibration et d’évaluation n’ont aucune ligne en commun.</translation>
    </message>
    <message>
        <source>%1: %2 layers quantized%3.</source>
        <translation>%1 : %2 couches quantifiées%3.</translation>
    </message>
    <message>
        <source> (captured statistics from the cache)</source>
        <translation> (statistiques capturées lues dans le cache)</translation>
    </message>
    <message>
        <source>W8A8 results can be evaluated but not exported to GGUF.</source>
        <translation>Les résultats W8A8 peuvent être évalués mais pas exportés en GGUF.</translation>
    </message>
    <message>
        <source>Uniform integer grids have no GGUF type: evaluation only.</source>
        <translation>Les grilles entières uniformes n’ont pas de type GGUF : évaluation seulement.</translation>
    </message>
    <message>
        <source>Give the calibrated tensors their calibrated weights and type (one undo step); the plan&apos;s other tensors keep their formats. Then evaluate it in the Evaluate tab or export it</source>
        <translation>Donne aux tenseurs calibrés leurs poids calibrés et leur type (une seule étape d&apos;annulation) ; les autres tenseurs du plan gardent leurs formats. Évaluez-le ensuite dans l&apos;onglet « Évaluer » ou exportez-le</translation>
    </message>
    <message>
        <source>Others as stored</source>
        <translation>Autres comme stockés</translation>
    </message>
    <message>
        <source>Apply also resets every tensor the method did not calibrate (embeddings, output, norms) to its stored type</source>
        <translation>Appliquer remet aussi chaque tenseur que la méthode n&apos;a pas calibré (plongements, sortie, normes) à son type stocké</translation>
    </message>
    <message numerus="yes">
        <source>Applied %1 as the whole plan (%n tensor(s) changed): evaluate it in the Evaluate tab (undo restores the previous plan)</source>
        <translation>
            <numerusform>%1 appliqué comme plan entier (%n tenseur modifié) : évaluez-le dans l&apos;onglet « Évaluer » (annuler rétablit le plan précédent)</numerusform>
            <numerusform>%1 appliqué comme plan entier (%n tenseurs modifiés) : évaluez-le dans l&apos;onglet « Évaluer » (annuler rétablit le plan précédent)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Applied %1 to its %n calibrated tensor(s); the others keep their formats. Evaluate it in the Evaluate tab (undo restores the previous plan)</source>
        <translation>
            <numerusform>%1 appliqué à son %n tenseur calibré ; les autres gardent leurs formats. Évaluez-le dans l&apos;onglet « Évaluer » (annuler rétablit le plan précédent)</numerusform>
            <numerusform>%1 appliqué à ses %n tenseurs calibrés ; les autres gardent leurs formats. Évaluez-le dans l&apos;onglet « Évaluer » (annuler rétablit le plan précédent)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qx::ui::ClippingLesson</name>
    <message>
        <source>&lt;h2&gt;Clipping and calibration&lt;/h2&gt;&lt;p&gt;Absmax scaling lets the single largest value decide the step Δ. One outlier therefore stretches the grid, and the bulk of the weights share a handful of levels. &lt;b&gt;Clipping&lt;/b&gt; the range to c &amp;lt; absmax saturates the few outliers but gives every other weight a finer grid. Calibration picks c: a &lt;b&gt;percentile&lt;/b&gt; of |x|, the c with the lowest &lt;b&gt;MSE&lt;/b&gt;, or the c whose histogram loses the least information (&lt;b&gt;KL divergence&lt;/b&gt;, TensorRT&apos;s entropy calibration).&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Écrêtage et calibration&lt;/h2&gt;&lt;p&gt;La mise à l&apos;échelle absmax laisse la plus grande valeur décider seule du pas Δ. Une seule valeur aberrante étire donc la grille, et la masse des poids se partage une poignée de niveaux. &lt;b&gt;Écrêter&lt;/b&gt; la plage à c &amp;lt; absmax sature les quelques valeurs aberrantes mais donne à tous les autres poids une grille plus fine. La calibration choisit c : un &lt;b&gt;centile&lt;/b&gt; de |x|, le c de plus faible &lt;b&gt;MSE&lt;/b&gt;, ou le c dont l&apos;histogramme perd le moins d&apos;information (&lt;b&gt;divergence KL&lt;/b&gt;, la calibration par entropie de TensorRT).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Bits:</source>
        <translation>Bits :</translation>
    </message>
    <message>
        <source>&lt;b&gt;One outlier, %1 bits, one scale per tensor.&lt;/b&gt; As it is: Δ = %2, the weights use %3 levels, SQNR %4 dB. Add a single value 10 × absmax: Δ = %5, the same weights now use %6 levels, SQNR %7 dB.</source>
        <translation>&lt;b&gt;Une valeur aberrante, %1 bits, une échelle par tenseur.&lt;/b&gt; Tel quel : Δ = %2, les poids utilisent %3 niveaux, SQNR %4 dB. Ajoutez une seule valeur de 10 × absmax : Δ = %5, les mêmes poids n&apos;utilisent plus que %6 niveaux, SQNR %7 dB.</translation>
    </message>
    <message>
        <source>MSE at clip ratio c / absmax</source>
        <translation>MSE selon le taux d&apos;écrêtage c / absmax</translation>
    </message>
    <message>
        <source>Percentile %1 %</source>
        <translation>Centile %1 %</translation>
    </message>
    <message>
        <source>MSE search</source>
        <translation>Recherche de la MSE minimale</translation>
    </message>
    <message>
        <source>KL divergence</source>
        <translation>Divergence KL</translation>
    </message>
    <message>
        <source>clip ratio c / absmax</source>
        <translation>taux d&apos;écrêtage c / absmax</translation>
    </message>
    <message>
        <source>MSE (weight units²)</source>
        <translation>MSE (unités de poids²)</translation>
    </message>
    <message>
        <source>&lt;table cellpadding=3&gt;&lt;tr&gt;&lt;th align=left&gt;Calibration&lt;/th&gt;&lt;th&gt;c / absmax&lt;/th&gt;&lt;th&gt;MSE&lt;/th&gt;&lt;th&gt;SQNR (dB)&lt;/th&gt;&lt;/tr&gt;</source>
        <translation>&lt;table cellpadding=3&gt;&lt;tr&gt;&lt;th align=left&gt;Calibration&lt;/th&gt;&lt;th&gt;c / absmax&lt;/th&gt;&lt;th&gt;MSE&lt;/th&gt;&lt;th&gt;SQNR (dB)&lt;/th&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>Clipping and calibration</source>
        <translation>Écrêtage et calibration</translation>
    </message>
</context>
<context>
    <name>qx::ui::CompareOutputPanel</name>
    <message>
        <source>%1 ± %2</source>
        <translation>%1 ± %2</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Plain text both models read, tokenized with BOS as llama-perplexity does</source>
        <translation>Texte brut lu par les deux modèles, découpé en jetons avec BOS comme le fait llama-perplexity</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Tokens per chunk (llama-perplexity -c); the second half of each chunk is scored</source>
        <translation>Jetons par segment (llama-perplexity -c) ; la seconde moitié de chaque segment est notée</translation>
    </message>
    <message>
        <source>all</source>
        <translation>tous</translation>
    </message>
    <message>
        <source>Chunks evaluated (llama-perplexity --chunks); 0 = every whole chunk of the text</source>
        <translation>Segments évalués (llama-perplexity --chunks) ; 0 = tous les segments complets du texte</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>Évaluer</translation>
    </message>
    <message>
        <source>Run both models on the text: KL divergence of B against A, how often their top token agrees, and the perplexity of each</source>
        <translation>Exécuter les deux modèles sur le texte : divergence KL de B par rapport à A, fréquence à laquelle leur jeton le plus probable concorde, et perplexité de chacun</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Output of B against A</source>
        <translation>Sortie de B par rapport à A</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Texte :</translation>
    </message>
    <message>
        <source>Chunks:</source>
        <translation>Segments :</translation>
    </message>
    <message>
        <source>Context:</source>
        <translation>Contexte :</translation>
    </message>
    <message>
        <source>Text to compare the outputs on</source>
        <translation>Texte sur lequel comparer les sorties</translation>
    </message>
    <message>
        <source>Text files (*.txt *.raw);;All files (*)</source>
        <translation>Fichiers texte (*.txt *.raw);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Evaluate runs both models on the text and compares what they output.</source>
        <translation>« Évaluer » exécute les deux modèles sur le texte et compare leurs sorties.</translation>
    </message>
    <message>
        <source>Compare a second model first; then evaluate both on a text.</source>
        <translation>Comparez d’abord un second modèle, puis évaluez les deux sur un texte.</translation>
    </message>
    <message>
        <source>Running both models on %1…</source>
        <translation>Exécution des deux modèles sur %1…</translation>
    </message>
    <message>
        <source>Comparing outputs</source>
        <translation>Comparaison des sorties</translation>
    </message>
    <message>
        <source>Outputs on %1: %2 chunks of %3 tokens, %4 tokens scored.</source>
        <translation>Sorties sur %1 : %2 segments de %3 jetons, %4 jetons notés.</translation>
    </message>
    <message>
        <source>Evaluation cancelled.</source>
        <translation>Évaluation annulée.</translation>
    </message>
    <message>
        <source>Perplexity of A</source>
        <translation>Perplexité de A</translation>
    </message>
    <message>
        <source>Perplexity of B</source>
        <translation>Perplexité de B</translation>
    </message>
    <message>
        <source>PPL(B) / PPL(A)</source>
        <translation>PPL(B) / PPL(A)</translation>
    </message>
    <message>
        <source>Mean KL divergence</source>
        <translation>Divergence KL moyenne</translation>
    </message>
    <message>
        <source>Median KL divergence</source>
        <translation>Divergence KL médiane</translation>
    </message>
    <message>
        <source>99 % KL divergence</source>
        <translation>Divergence KL, 99e centile</translation>
    </message>
    <message>
        <source>Maximum KL divergence</source>
        <translation>Divergence KL maximale</translation>
    </message>
    <message>
        <source>Same top token (top-1 agreement)</source>
        <translation>Même jeton en tête (top-1)</translation>
    </message>
    <message>
        <source>Mean Δp (right token)</source>
        <translation>Δp moyen (bon jeton)</translation>
    </message>
    <message>
        <source>RMS Δp</source>
        <translation>Δp RMS</translation>
    </message>
    <message>
        <source>Scored tokens</source>
        <translation>Jetons notés</translation>
    </message>
</context>
<context>
    <name>qx::ui::ComparePage</name>
    <message>
        <source>layer (blk index)</source>
        <translation>couche (indice blk)</translation>
    </message>
    <message>
        <source>SQNR of B against A (dB)</source>
        <translation>SQNR de B par rapport à A (dB)</translation>
    </message>
    <message>
        <source>No layers to compare</source>
        <translation>Aucune couche à comparer</translation>
    </message>
    <message>
        <source>layer (all tensors)</source>
        <translation>couche (tous les tenseurs)</translation>
    </message>
    <message>
        <source>Every layer tensor is identical in A and B</source>
        <translation>Chaque tenseur de couche est identique dans A et B</translation>
    </message>
    <message>
        <source>Error of B against A, per layer</source>
        <translation>Erreur de B par rapport à A, par couche</translation>
    </message>
    <message>
        <source>%1: values in A (%2) and in B (%3)</source>
        <translation>%1 : valeurs dans A (%2) et dans B (%3)</translation>
    </message>
    <message>
        <source>Distributions</source>
        <translation>Distributions</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>value</source>
        <translation>valeur</translation>
    </message>
    <message>
        <source>count</source>
        <translation>effectif</translation>
    </message>
    <message>
        <source>Compare with…</source>
        <translation>Comparer avec…</translation>
    </message>
    <message>
        <source>Open a second model (B) and compare it with the open one (A), tensor by tensor</source>
        <translation>Ouvrir un second modèle (B) et le comparer, tenseur par tenseur, au modèle ouvert (A)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Use B&apos;s types as my plan</source>
        <translation>Utiliser les types de B comme plan</translation>
    </message>
    <message>
        <source>Give every tensor of the plan the type it has in B (one undo step; pinned tensors stay)</source>
        <translation>Donner à chaque tenseur du plan le type qu&apos;il a dans B (une seule étape d&apos;annulation ; les tenseurs épinglés restent)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Save the table as CSV, or the chart on screen as PNG or SVG</source>
        <translation>Enregistrer le tableau en CSV, ou le graphique affiché en PNG ou SVG</translation>
    </message>
    <message>
        <source>Filter tensors (regular expression)</source>
        <translation>Filtrer les tenseurs (expression régulière)</translation>
    </message>
    <message>
        <source>Select a tensor in the table to see its values in A and in B.</source>
        <translation>Sélectionnez un tenseur dans le tableau pour voir ses valeurs dans A et dans B.</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Changement</translation>
    </message>
    <message>
        <source>Value in A</source>
        <translation>Valeur dans A</translation>
    </message>
    <message>
        <source>Value in B</source>
        <translation>Valeur dans B</translation>
    </message>
    <message>
        <source>Tensors</source>
        <translation>Tenseurs</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Couches</translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation>Distribution</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Métadonnées</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>Comparer avec</translation>
    </message>
    <message>
        <source>Models (*.gguf *.safetensors *.bin);;All files (*)</source>
        <translation>Modèles (*.gguf *.safetensors *.bin);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Comparing %1 with the open model…</source>
        <translation>Comparaison de %1 avec le modèle ouvert…</translation>
    </message>
    <message>
        <source>Comparing models</source>
        <translation>Comparaison des modèles</translation>
    </message>
    <message>
        <source>Comparison cancelled.</source>
        <translation>Comparaison annulée.</translation>
    </message>
    <message>
        <source>Open a model first; then compare it here with a second one.</source>
        <translation>Ouvrez d&apos;abord un modèle ; comparez-le ensuite ici à un second.</translation>
    </message>
    <message>
        <source>Choose a second model (B) to compare with the open one (A): a published quantization of the same model, your export against its original, a folder against its GGUF.</source>
        <translation>Choisissez un second modèle (B) à comparer au modèle ouvert (A) : une quantification publiée du même modèle, votre export face à son original, un dossier face à son GGUF.</translation>
    </message>
    <message>
        <source>%1 is a %2 model, the open one a %3 model: only their metadata are compared.</source>
        <translation>%1 est un modèle %2, le modèle ouvert un modèle %3 : seules leurs métadonnées sont comparées.</translation>
    </message>
    <message>
        <source>%1 has other dimensions (%2): only the metadata are compared.</source>
        <translation>%1 a d&apos;autres dimensions (%2) : seules les métadonnées sont comparées.</translation>
    </message>
    <message>
        <source>B = %1: %2 tensors, %3 identical, %4 compared, %5 unmatched · %6 bits/weight in A, %7 in B · SQNR of B against A %8 dB over the tensors that differ</source>
        <translation>B = %1 : %2 tenseurs, %3 identiques, %4 comparés, %5 sans correspondance · %6 bits/poids dans A, %7 dans B · SQNR de B par rapport à A %8 dB sur les tenseurs qui diffèrent</translation>
    </message>
    <message>
        <source>added</source>
        <translation>ajoutée</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>supprimée</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>modifiée</translation>
    </message>
    <message>
        <source>Types of %1</source>
        <translation>Types de %1</translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation>Exporter en CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <source>Run both models on a text: KL divergence, top-token agreement, perplexity</source>
        <translation>Exécuter les deux modèles sur un texte : divergence KL, accord sur le jeton le plus probable, perplexité</translation>
    </message>
</context>
<context>
    <name>qx::ui::CompareTableModel</name>
    <message>
        <source>%1 (tied)</source>
        <translation>%1 (lié)</translation>
    </message>
    <message>
        <source>identical</source>
        <translation>identique</translation>
    </message>
    <message>
        <source>shapes differ</source>
        <translation>formes différentes</translation>
    </message>
    <message>
        <source>only in A</source>
        <translation>seulement dans A</translation>
    </message>
    <message>
        <source>only in B</source>
        <translation>seulement dans B</translation>
    </message>
    <message>
        <source>not decodable</source>
        <translation>non décodable</translation>
    </message>
    <message>
        <source>Tensor</source>
        <translation>Tenseur</translation>
    </message>
    <message>
        <source>Type A</source>
        <translation>Type A</translation>
    </message>
    <message>
        <source>Type B</source>
        <translation>Type B</translation>
    </message>
    <message>
        <source>Bytes A</source>
        <translation>Octets A</translation>
    </message>
    <message>
        <source>Bytes B</source>
        <translation>Octets B</translation>
    </message>
    <message>
        <source>Bits/weight A</source>
        <translation>Bits/poids A</translation>
    </message>
    <message>
        <source>Bits/weight B</source>
        <translation>Bits/poids B</translation>
    </message>
    <message>
        <source>SQNR (dB)</source>
        <translation>SQNR (dB)</translation>
    </message>
    <message>
        <source>Relative error</source>
        <translation>Erreur relative</translation>
    </message>
    <message>
        <source>Max |B − A|</source>
        <translation>Max |B − A|</translation>
    </message>
    <message>
        <source>Cosine</source>
        <translation>Cosinus</translation>
    </message>
</context>
<context>
    <name>qx::ui::DistributionView</name>
    <message>
        <source>%1 — preview from one row in %2, exact counts follow</source>
        <translation>%1 — aperçu d&apos;une ligne sur %2, comptes exacts à suivre</translation>
    </message>
    <message>
        <source>original (sampled rows)</source>
        <translation>original (lignes échantillonnées)</translation>
    </message>
    <message>
        <source>weight value</source>
        <translation>valeur du poids</translation>
    </message>
    <message>
        <source>count (log scale)</source>
        <translation>nombre (échelle log)</translation>
    </message>
    <message>
        <source>count</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>Counting the values of %1…</source>
        <translation>Comptage des valeurs de %1…</translation>
    </message>
    <message>
        <source>Select a tensor</source>
        <translation>Choisissez un tenseur</translation>
    </message>
    <message>
        <source>original</source>
        <translation>original</translation>
    </message>
    <message>
        <source>after the round trip (%1)</source>
        <translation>après l&apos;aller-retour (%1)</translation>
    </message>
    <message>
        <source>representable range %1 … %2</source>
        <translation>plage représentable %1 … %2</translation>
    </message>
    <message>
        <source>values of the block per level</source>
        <translation>valeurs du bloc par niveau</translation>
    </message>
    <message numerus="yes">
        <source>grid of row %1, values %2–%3: %n levels</source>
        <translation>
            <numerusform>grille de la ligne %1, valeurs %2–%3 : %n niveau</numerusform>
            <numerusform>grille de la ligne %1, valeurs %2–%3 : %n niveaux</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>levels in use of row %1, values %2–%3 (grid of %n levels too fine to draw here)</source>
        <translation>
            <numerusform>niveaux utilisés de la ligne %1, valeurs %2–%3 (grille de %n niveau, trop fine pour être tracée)</numerusform>
            <numerusform>niveaux utilisés de la ligne %1, valeurs %2–%3 (grille de %n niveaux, trop fine pour être tracée)</numerusform>
        </translation>
    </message>
    <message>
        <source>values at each level</source>
        <translation>valeurs par niveau</translation>
    </message>
    <message>
        <source>beyond the view: %1 below (down to %2), %3 above (up to %4)</source>
        <translation>hors de la vue : %1 en dessous (jusqu&apos;à %2), %3 au-dessus (jusqu&apos;à %4)</translation>
    </message>
    <message>
        <source>The block picture follows the round trip.</source>
        <translation>L&apos;image du bloc suit l&apos;aller-retour.</translation>
    </message>
    <message>
        <source>row %1, values %2–%3</source>
        <translation>ligne %1, valeurs %2–%3</translation>
    </message>
    <message numerus="yes">
        <source>%1 super-block: %2 (%n sub-blocks)</source>
        <translation>
            <numerusform>super-bloc %1 : %2 (%n sous-bloc)</numerusform>
            <numerusform>super-bloc %1 : %2 (%n sous-blocs)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 block: %2</source>
        <translation>bloc %1 : %2</translation>
    </message>
    <message>
        <source>Absmax: one scale d = %1 (fp16) for all %2 values; the levels are d·q, evenly spaced and symmetric around 0.</source>
        <translation>Absmax : une échelle d = %1 (fp16) pour les %2 valeurs ; les niveaux d·q sont régulièrement espacés et symétriques autour de 0.</translation>
    </message>
    <message>
        <source>Zero point: scale d = %1 and offset m = %2 (fp16); the levels d·q + m span the block&apos;s own range [min, max].</source>
        <translation>Point zéro : échelle d = %1 et décalage m = %2 (fp16) ; les niveaux d·q + m couvrent la plage propre du bloc [min, max].</translation>
    </message>
    <message>
        <source>Super-block scales d = %1 and dmin = %2 (fp16). Each sub-block of %3 stores its own %4-bit scale sc and min m (labels on the left): its levels are (d·sc)·q − dmin·m, so the step differs between sub-blocks.</source>
        <translation>Échelles du super-bloc d = %1 et dmin = %2 (fp16). Chaque sous-bloc de %3 stocke sa propre échelle sc sur %4 bits et son minimum m (étiquettes à gauche) : ses niveaux sont (d·sc)·q − dmin·m, le pas diffère donc d&apos;un sous-bloc à l&apos;autre.</translation>
    </message>
    <message>
        <source>Super-block scale d = %1 (fp16). Each sub-block of %2 stores its own %3-bit scale sc (labels on the left): its levels are (d·sc)·q, so the step differs between sub-blocks.</source>
        <translation>Échelle du super-bloc d = %1 (fp16). Chaque sous-bloc de %2 stocke sa propre échelle sc sur %3 bits (étiquettes à gauche) : ses niveaux sont (d·sc)·q, le pas diffère donc d&apos;un sous-bloc à l&apos;autre.</translation>
    </message>
    <message>
        <source>Super-block scale d = %1 (fp16); each sub-block of %2 scales the 16 non-uniform codebook values by d·sc.</source>
        <translation>Échelle du super-bloc d = %1 (fp16) ; chaque sous-bloc de %2 met à l&apos;échelle les 16 valeurs non uniformes du dictionnaire par d·sc.</translation>
    </message>
    <message>
        <source>Block absmax %1 times the 16 NormalFloat levels (denser near 0, where most weights are).</source>
        <translation>Absmax du bloc %1 fois les 16 niveaux NormalFloat (plus denses près de 0, où se trouvent la plupart des poids).</translation>
    </message>
    <message>
        <source>Scale d = %1 (fp16) times 16 non-uniform codebook values (denser near 0).</source>
        <translation>Échelle d = %1 (fp16) fois 16 valeurs non uniformes du dictionnaire (plus denses près de 0).</translation>
    </message>
    <message>
        <source>one Δ per group of %1 values</source>
        <translation>un Δ par groupe de %1 valeurs</translation>
    </message>
    <message>
        <source>one Δ per row</source>
        <translation>un Δ par ligne</translation>
    </message>
    <message>
        <source>one Δ for the whole tensor</source>
        <translation>un Δ pour tout le tenseur</translation>
    </message>
    <message>
        <source>Step Δ = %1 and zero point z = %2 (%3): the levels Δ·(q − z) cover [min, max], and 0 is exact.</source>
        <translation>Pas Δ = %1 et point zéro z = %2 (%3) : les niveaux Δ·(q − z) couvrent [min, max], et 0 est exact.</translation>
    </message>
    <message>
        <source>Step Δ = %1 (%2): the levels Δ·q are symmetric around 0.</source>
        <translation>Pas Δ = %1 (%2) : les niveaux Δ·q sont symétriques autour de 0.</translation>
    </message>
    <message>
        <source>%1 keeps more than %2 distinct values here: no grid to draw.</source>
        <translation>%1 garde ici plus de %2 valeurs distinctes : pas de grille à tracer.</translation>
    </message>
    <message numerus="yes">
        <source>%1 is a floating-point format: %n distinct values in this block, spaced by their exponents rather than one step.</source>
        <translation>
            <numerusform>%1 est un format à virgule flottante : %n valeur distincte dans ce bloc, espacée selon les exposants plutôt que d&apos;un pas.</numerusform>
            <numerusform>%1 est un format à virgule flottante : %n valeurs distinctes dans ce bloc, espacées selon leurs exposants plutôt que d&apos;un pas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Drag across a range to zoom in (it is counted again at the new resolution), wheel to zoom, Shift+drag to pan, right click to zoom out</source>
        <translation>Glisser sur une plage pour zoomer (elle est recomptée à la nouvelle résolution), molette pour zoomer, Maj+glisser pour déplacer, clic droit pour dézoomer</translation>
    </message>
    <message>
        <source>Whole tensor</source>
        <translation>Tenseur entier</translation>
    </message>
    <message>
        <source>The histogram of every weight, with the selected block&apos;s levels</source>
        <translation>L&apos;histogramme de tous les poids, avec les niveaux du bloc choisi</translation>
    </message>
    <message>
        <source>One block</source>
        <translation>Un bloc</translation>
    </message>
    <message>
        <source>The selected block&apos;s values snapping to their levels, sub-block by sub-block</source>
        <translation>Les valeurs du bloc choisi s&apos;alignent sur leurs niveaux, sous-bloc par sous-bloc</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>Échelle log</translation>
    </message>
    <message>
        <source>Logarithmic count axis (shows the sparse tails)</source>
        <translation>Axe des nombres logarithmique (montre les queues clairsemées)</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>Niveaux</translation>
    </message>
    <message>
        <source>Draw the levels of the selected block as a comb (height: its values at each level) and the range the round trip can represent (values beyond it are clipped)</source>
        <translation>Tracer les niveaux du bloc choisi en peigne (hauteur : ses valeurs à chaque niveau) et la plage que l&apos;aller-retour peut représenter (les valeurs au-delà sont écrêtées)</translation>
    </message>
    <message>
        <source>Bulk</source>
        <translation>Cœur</translation>
    </message>
    <message>
        <source>Back to the central 99.9 % of the weights</source>
        <translation>Retour aux 99,9 % centraux des poids</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tout</translation>
    </message>
    <message>
        <source>From the smallest to the largest weight, outliers included</source>
        <translation>Du plus petit au plus grand poids, valeurs aberrantes comprises</translation>
    </message>
    <message>
        <source>Row (output channel) of the selected block</source>
        <translation>Ligne (canal de sortie) du bloc choisi</translation>
    </message>
    <message>
        <source>Block within the row</source>
        <translation>Bloc dans la ligne</translation>
    </message>
    <message>
        <source>Largest |w|</source>
        <translation>Plus grand |w|</translation>
    </message>
    <message>
        <source>Select the block holding the tensor&apos;s largest |w| (its grid is the widest)</source>
        <translation>Choisir le bloc qui contient le plus grand |w| du tenseur (sa grille est la plus large)</translation>
    </message>
    <message>
        <source>Row:</source>
        <translation>Ligne :</translation>
    </message>
    <message>
        <source>Block:</source>
        <translation>Bloc :</translation>
    </message>
    <message>
        <source>Counting %1</source>
        <translation>Comptage de %1</translation>
    </message>
    <message>
        <source> of %1</source>
        <translation> sur %1</translation>
    </message>
</context>
<context>
    <name>qx::ui::DocsDialog</name>
    <message>
        <source>Documentation</source>
        <translation>Documentation</translation>
    </message>
</context>
<context>
    <name>qx::ui::DynamicLesson</name>
    <message>
        <source>Activations entering &lt;b&gt;%1&lt;/b&gt; (%2 channels): %3 tokens of a calibration story, then %3 tokens of an evaluation story, through the loaded model.</source>
        <translation>Activations à l&apos;entrée de &lt;b&gt;%1&lt;/b&gt; (%2 canaux) : %3 jetons d&apos;une histoire de calibration, puis %3 jetons d&apos;une histoire d&apos;évaluation, calculées par le modèle chargé.</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Dynamic vs static activation quantization&lt;/h2&gt;&lt;p&gt;Weights are known before inference; activations are not. &lt;b&gt;Dynamic&lt;/b&gt; quantization measures each token&apos;s absmax at run time and gives every token its own int8 step (one extra max per token). &lt;b&gt;Static&lt;/b&gt; quantization fixes one step in advance from &lt;b&gt;calibration&lt;/b&gt; text and uses it for every token: no run-time statistics, but tokens with a small range get a coarse grid and tokens beyond the range are clipped.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Quantification dynamique ou statique des activations&lt;/h2&gt;&lt;p&gt;Les poids sont connus avant l&apos;inférence, les activations non. La quantification &lt;b&gt;dynamique&lt;/b&gt; mesure l&apos;absmax de chaque jeton à l&apos;exécution et donne à chaque jeton son propre pas int8 (un maximum de plus par jeton). La quantification &lt;b&gt;statique&lt;/b&gt; fixe un pas à l&apos;avance à partir d&apos;un texte de &lt;b&gt;calibration&lt;/b&gt; et l&apos;utilise pour chaque jeton : aucune statistique à l&apos;exécution, mais les jetons de faible amplitude reçoivent une grille grossière et les valeurs hors de la plage sont écrêtées.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;table cellpadding=3&gt;&lt;tr&gt;&lt;th align=left&gt;int8 on the evaluation tokens&lt;/th&gt;&lt;th&gt;step Δ&lt;/th&gt;&lt;th&gt;SQNR (dB)&lt;/th&gt;&lt;th&gt;MSE&lt;/th&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;dynamic (per-token absmax)&lt;/td&gt;&lt;td align=right&gt;per token&lt;/td&gt;&lt;td align=right&gt;%1&lt;/td&gt;&lt;td align=right&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;static (calibrated absmax %3)&lt;/td&gt;&lt;td align=right&gt;%4&lt;/td&gt;&lt;td align=right&gt;%5&lt;/td&gt;&lt;td align=right&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;%7 evaluation values lie beyond the static range and are clipped. %8&lt;/p&gt;</source>
        <translation>&lt;table cellpadding=3&gt;&lt;tr&gt;&lt;th align=left&gt;int8 sur les jetons d&apos;évaluation&lt;/th&gt;&lt;th&gt;pas Δ&lt;/th&gt;&lt;th&gt;SQNR (dB)&lt;/th&gt;&lt;th&gt;MSE&lt;/th&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;dynamique (absmax par jeton)&lt;/td&gt;&lt;td align=right&gt;par jeton&lt;/td&gt;&lt;td align=right&gt;%1&lt;/td&gt;&lt;td align=right&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;statique (absmax calibré %3)&lt;/td&gt;&lt;td align=right&gt;%4&lt;/td&gt;&lt;td align=right&gt;%5&lt;/td&gt;&lt;td align=right&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;%7 valeurs d&apos;évaluation dépassent la plage statique et sont écrêtées. %8&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Dynamic quantization wins by %1 dB here: most tokens use only part of the calibrated range, and each gets a finer step of its own.</source>
        <translation>La quantification dynamique l&apos;emporte ici de %1 dB : la plupart des jetons n&apos;utilisent qu&apos;une partie de la plage calibrée, et chacun reçoit son propre pas, plus fin.</translation>
    </message>
    <message>
        <source>Static quantization wins by %1 dB here: the calibrated range fits these tokens well.</source>
        <translation>La quantification statique l&apos;emporte ici de %1 dB : la plage calibrée convient bien à ces jetons.</translation>
    </message>
    <message>
        <source>per-token absmax, calibration story</source>
        <translation>absmax par jeton, histoire de calibration</translation>
    </message>
    <message>
        <source>per-token absmax, evaluation story (dynamic ranges)</source>
        <translation>absmax par jeton, histoire d&apos;évaluation (plages dynamiques)</translation>
    </message>
    <message>
        <source>static range (max over the calibration story)</source>
        <translation>plage statique (maximum sur l&apos;histoire de calibration)</translation>
    </message>
    <message>
        <source>token position</source>
        <translation>position du jeton</translation>
    </message>
    <message>
        <source>max |x| over the channels</source>
        <translation>max |x| sur les canaux</translation>
    </message>
    <message>
        <source>Dynamic vs static activations</source>
        <translation>Activations dynamiques ou statiques</translation>
    </message>
</context>
<context>
    <name>qx::ui::EvaluatePanel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>Évaluer</translation>
    </message>
    <message>
        <source>Evaluate presets</source>
        <translation>Évaluer les préréglages</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Plain text to evaluate on, tokenized with BOS as llama-perplexity does</source>
        <translation>Texte brut d&apos;évaluation, tokenisé avec BOS comme le fait llama-perplexity</translation>
    </message>
    <message>
        <source>Tokens per chunk (llama-perplexity -c); the second half of each chunk is scored</source>
        <translation>Jetons par segment (llama-perplexity -c) ; la seconde moitié de chaque segment est notée</translation>
    </message>
    <message>
        <source>all</source>
        <translation>tous</translation>
    </message>
    <message>
        <source>Chunks evaluated (llama-perplexity --chunks); 0 = every whole chunk of the text</source>
        <translation>Segments évalués (llama-perplexity --chunks) ; 0 = tous les segments complets du texte</translation>
    </message>
    <message>
        <source>Perplexity and KL divergence of the current plan against the F32 model</source>
        <translation>Perplexité et divergence KL du plan courant par rapport au modèle F32</translation>
    </message>
    <message>
        <source>Evaluate llama-quantize&apos;s common mixes (Q8_0 … Q2_K) for the Trade-off chart</source>
        <translation>Évaluer les mélanges courants de llama-quantize (Q8_0 … Q2_K) pour le graphique de compromis</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Texte :</translation>
    </message>
    <message>
        <source>Context:</source>
        <translation>Contexte :</translation>
    </message>
    <message>
        <source>Chunks:</source>
        <translation>Segments :</translation>
    </message>
    <message>
        <source>Evaluation text</source>
        <translation>Texte d&apos;évaluation</translation>
    </message>
    <message>
        <source>Text files (*.txt *.raw);;All files (*)</source>
        <translation>Fichiers texte (*.txt *.raw);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>Prêt.</translation>
    </message>
    <message>
        <source>Open a model to evaluate plans.</source>
        <translation>Ouvrez un modèle pour évaluer des plans.</translation>
    </message>
    <message>
        <source>custom plan %1</source>
        <translation>plan personnalisé %1</translation>
    </message>
    <message>
        <source>Evaluating %1…</source>
        <translation>Évaluation de %1…</translation>
    </message>
    <message>
        <source>Evaluating %1</source>
        <translation>Évaluation de %1</translation>
    </message>
    <message>
        <source>Evaluation cancelled.</source>
        <translation>Évaluation annulée.</translation>
    </message>
    <message>
        <source>Evaluation failed: %1 (%2)</source>
        <translation>Échec de l&apos;évaluation : %1 (%2)</translation>
    </message>
    <message>
        <source> (already evaluated as %1)</source>
        <translation> (déjà évalué sous %1)</translation>
    </message>
    <message>
        <source>%1: PPL %2 ± %3 (F32 %4), mean KLD %5, same top %6 %</source>
        <translation>%1 : PPL %2 ± %3 (F32 %4), KLD moyenne %5, même premier jeton %6 %</translation>
    </message>
    <message>
        <source>%p% — about %1 left</source>
        <translation>%p % — encore environ %1</translation>
    </message>
    <message>
        <source>%p%</source>
        <translation>%p %</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Compute Importance Matrix</source>
        <translation>Calculer la matrice d’importance</translation>
    </message>
    <message>
        <source>Compute an importance matrix on this text as llama-imatrix does, then evaluate</source>
        <translation>Calculer une matrice d’importance sur ce texte comme llama-imatrix, puis évaluer</translation>
    </message>
    <message>
        <source>%1 is not evaluated: %2</source>
        <translation>%1 n’est pas évalué : %2</translation>
    </message>
    <message>
        <source>llama-quantize refuses very-low-bit tensors (IQ1_S, IQ1_M, IQ2_XXS, IQ2_XS, IQ2_S; Q2_K in a Q2_K_S mix) without importance data, and so does the evaluation. Load or compute an importance matrix (Plan panel, under the presets). Detail: %1</source>
        <translation>llama-quantize refuse les tenseurs à très peu de bits (IQ1_S, IQ1_M, IQ2_XXS, IQ2_XS, IQ2_S ; Q2_K dans un mélange Q2_K_S) sans données d’importance, l’évaluation aussi. Chargez ou calculez une matrice d’importance (panneau Plan, sous les préréglages). Détail : %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source> — blocks 0–%1 of %2 reused from the last evaluation</source>
        <translation> — blocs 0–%1 sur %2 repris de la dernière évaluation</translation>
    </message>
    <message>
        <source>reused blocks 0–%1</source>
        <translation>blocs 0–%1 repris</translation>
    </message>
    <message>
        <source>running the output head</source>
        <translation>calcul de la tête de sortie</translation>
    </message>
    <message>
        <source>running %1–%2: block %3</source>
        <translation>calcul de %1–%2 : bloc %3</translation>
    </message>
    <message>
        <source>running blocks 0–%1: block %2</source>
        <translation>calcul des blocs 0–%1 : bloc %2</translation>
    </message>
    <message>
        <source>Evaluating %1: %2</source>
        <translation>Évaluation de %1 : %2</translation>
    </message>
    <message>
        <source>Evaluating %1: %2, %3</source>
        <translation>Évaluation de %1 : %2, %3</translation>
    </message>
</context>
<context>
    <name>qx::ui::GptqLesson</name>
    <message>
        <source>&lt;h2&gt;GPTQ step by step&lt;/h2&gt;&lt;p&gt;Rounding every weight to the nearest level ignores that the layer&apos;s &lt;i&gt;output&lt;/i&gt; is what matters. GPTQ quantizes one input column at a time and moves each column&apos;s rounding error onto the columns not yet quantized, weighted by the inverse Hessian H⁻¹ of the output error (H = 2/n Σ x xᵀ from real activations): correlated inputs absorb each other&apos;s error. Press &lt;b&gt;Step&lt;/b&gt; to quantize the framed column and watch the columns to its right change.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;GPTQ pas à pas&lt;/h2&gt;&lt;p&gt;Arrondir chaque poids au niveau le plus proche ignore que c&apos;est la &lt;i&gt;sortie&lt;/i&gt; de la couche qui compte. GPTQ quantifie une colonne d&apos;entrée à la fois et reporte l&apos;erreur d&apos;arrondi de chaque colonne sur les colonnes pas encore quantifiées, pondérée par l&apos;inverse H⁻¹ de la hessienne de l&apos;erreur de sortie (H = 2/n Σ x xᵀ à partir d&apos;activations réelles) : des entrées corrélées absorbent l&apos;erreur les unes des autres. Appuyez sur &lt;b&gt;Pas&lt;/b&gt; pour quantifier la colonne encadrée et regardez changer les colonnes à sa droite.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Bits (symmetric, one scale per row):</source>
        <translation>Bits (symétrique, une échelle par ligne) :</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Pas</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Jusqu&apos;au bout</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Réinitialiser</translation>
    </message>
    <message>
        <source>The model has no linear layer of at least %1 × %2 with captured inputs.</source>
        <translation>Le modèle n&apos;a aucune couche linéaire d&apos;au moins %1 × %2 dont les entrées ont été capturées.</translation>
    </message>
    <message>
        <source>The slice: output rows 0–%1, input columns 0–%2; H from all %3 tokens.</source>
        <translation>L&apos;extrait : lignes de sortie 0–%1, colonnes d&apos;entrée 0–%2 ; H calculée sur les %3 jetons.</translation>
    </message>
    <message>
        <source>W: the original weights</source>
        <translation>W : les poids d&apos;origine</translation>
    </message>
    <message>
        <source>H⁻¹ (%1 × %1, damping %2 %)</source>
        <translation>H⁻¹ (%1 × %1, amortissement %2 %)</translation>
    </message>
    <message>
        <source>Working weights: nothing quantized yet</source>
        <translation>Poids de travail : rien de quantifié pour le moment</translation>
    </message>
    <message>
        <source>Working weights: columns 0–%1 quantized</source>
        <translation>Poids de travail : colonnes 0–%1 quantifiées</translation>
    </message>
    <message>
        <source>W − working weights (error and compensation)</source>
        <translation>W − poids de travail (erreur et compensation)</translation>
    </message>
    <message>
        <source>Column %1 of %2 done. </source>
        <translation>Colonne %1 sur %2 traitée. </translation>
    </message>
    <message>
        <source>Output error ‖WX − QX‖ over the %1 tokens: &lt;b&gt;GPTQ %2&lt;/b&gt; against &lt;b&gt;round-to-nearest %3&lt;/b&gt; on the same %4-bit grid (%5 % lower).</source>
        <translation>Erreur de sortie ‖WX − QX‖ sur les %1 jetons : &lt;b&gt;GPTQ %2&lt;/b&gt; contre &lt;b&gt;arrondi au plus proche %3&lt;/b&gt; sur la même grille de %4 bits (%5 % de moins).</translation>
    </message>
    <message>
        <source>Round-to-nearest on the same grid gives ‖WX − QX‖ = %1; run to the end to compare.</source>
        <translation>L&apos;arrondi au plus proche sur la même grille donne ‖WX − QX‖ = %1 ; allez jusqu&apos;au bout pour comparer.</translation>
    </message>
    <message>
        <source>GPTQ step by step</source>
        <translation>GPTQ pas à pas</translation>
    </message>
</context>
<context>
    <name>qx::ui::GranularityLesson</name>
    <message>
        <source>&lt;h2&gt;Granularity&lt;/h2&gt;&lt;p&gt;Each group of weights that shares one scale pays for its scale (here an FP16 number, 16 bits). One scale for the whole &lt;b&gt;tensor&lt;/b&gt; is nearly free but lets the largest weight anywhere set the step for all. One scale per &lt;b&gt;channel&lt;/b&gt; (row) adapts to each row; one per &lt;b&gt;group&lt;/b&gt; of 32–128 consecutive weights adapts further, at 16/G extra bits per weight.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Granularité&lt;/h2&gt;&lt;p&gt;Chaque groupe de poids qui partage une échelle paie pour celle-ci (ici un nombre FP16, 16 bits). Une échelle pour tout le &lt;b&gt;tenseur&lt;/b&gt; ne coûte presque rien mais laisse le plus grand poids fixer le pas de tous. Une échelle par &lt;b&gt;canal&lt;/b&gt; (ligne) s&apos;adapte à chaque ligne ; une par &lt;b&gt;groupe&lt;/b&gt; de 32 à 128 poids consécutifs s&apos;adapte davantage, pour 16/G bits de plus par poids.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Bits per code (symmetric):</source>
        <translation>Bits par code (symétrique) :</translation>
    </message>
    <message>
        <source>Scales</source>
        <translation>Échelles</translation>
    </message>
    <message>
        <source>SQNR (dB)</source>
        <translation>SQNR (dB)</translation>
    </message>
    <message>
        <source>Bits per weight</source>
        <translation>Bits par poids</translation>
    </message>
    <message>
        <source>of which scales</source>
        <translation>dont échelles</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>per tensor</source>
        <translation>par tenseur</translation>
    </message>
    <message>
        <source>per channel</source>
        <translation>par canal</translation>
    </message>
    <message>
        <source>per group of %1</source>
        <translation>par groupe de %1</translation>
    </message>
    <message>
        <source>SQNR (dB), higher is better</source>
        <translation>SQNR (dB), plus haut est meilleur</translation>
    </message>
    <message>
        <source>n/a (row of %1)</source>
        <translation>n/d (ligne de %1)</translation>
    </message>
    <message>
        <source>Granularity</source>
        <translation>Granularité</translation>
    </message>
    <message>
        <source>tensor</source>
        <translation>tenseur</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>canal</translation>
    </message>
    <message>
        <source>g%1</source>
        <translation>g%1</translation>
    </message>
    <message>
        <source>one scale per tensor, per channel (row) or per group of G values (gG)</source>
        <translation>une échelle par tenseur, par canal (ligne) ou par groupe de G valeurs (gG)</translation>
    </message>
</context>
<context>
    <name>qx::ui::HeatmapWidget</name>
    <message>
        <source>No heatmap yet</source>
        <translation>Pas encore de carte thermique</translation>
    </message>
</context>
<context>
    <name>qx::ui::IquantsLesson</name>
    <message>
        <source>&lt;h2&gt;i-quants and ternary weights&lt;/h2&gt;&lt;p&gt;A K-quant spends a fixed number of bits on every weight. IQ2_XXS spends them on &lt;b&gt;groups of 8 weights&lt;/b&gt; instead: their magnitudes become one 8-bit index into a codebook of 256 points of the &lt;b&gt;E8 lattice&lt;/b&gt; (every coordinate 8, 25 or 43 times the scale, the points chosen so the grid covers the 8-dimensional space evenly), and their signs 7 bits — the 8th follows from parity, because E8 points have an even number of minus signs. With a 4-bit scale per 32 weights and one F16 scale per 256, that is 2.0625 bits per weight: an index chooses one of 256 × 128 patterns for 8 weights where 2 bits each could only give 4&lt;sup&gt;8&lt;/sup&gt; levels without any scale. IQ3_XXS does the same with 4-weight groups and 8 magnitudes; the quantizer searches the codebook for the point nearest to each group, weighted by the importance matrix when there is one.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;i-quants et poids ternaires&lt;/h2&gt;&lt;p&gt;Un K-quant donne à chaque poids un nombre fixe de bits. IQ2_XXS les donne plutôt à des &lt;b&gt;groupes de 8 poids&lt;/b&gt; : leurs grandeurs deviennent un indice de 8 bits dans un dictionnaire de 256 points du &lt;b&gt;réseau E8&lt;/b&gt; (chaque coordonnée vaut 8, 25 ou 43 fois l’échelle, les points choisis pour couvrir l’espace à 8 dimensions uniformément), et leurs signes 7 bits — le 8e découle de la parité, car les points de E8 ont un nombre pair de signes moins. Avec une échelle de 4 bits par 32 poids et une échelle F16 par 256, cela fait 2,0625 bits par poids : un indice choisit l’un de 256 × 128 motifs pour 8 poids, là où 2 bits chacun ne donneraient que 4&lt;sup&gt;8&lt;/sup&gt; niveaux sans aucune échelle. IQ3_XXS fait de même avec des groupes de 4 poids et 8 grandeurs ; le quantificateur cherche dans le dictionnaire le point le plus proche de chaque groupe, pondéré par la matrice d’importance s’il y en a une.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Group of block 0:</source>
        <translation>Groupe du bloc 0 :</translation>
    </message>
    <message>
        <source>&lt;h3&gt;What each type keeps of this tensor&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Ce que chaque type garde de ce tenseur&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Ternary weights in base 3&lt;/h3&gt;&lt;p&gt;TQ1_0 and TQ2_0 store each weight as −1, 0 or +1 times one F16 scale per 256 weights. TQ2_0 spends 2 bits per digit (2.0625 bits per weight); TQ1_0 packs &lt;b&gt;five digits into one byte&lt;/b&gt;, since 3&lt;sup&gt;5&lt;/sup&gt; = 243 ≤ 256: the digits are read as a base-3 number n (0 … 242) and the byte stores ⌈n · 256 / 243⌉, so multiplying by 3 and keeping the high byte returns one digit after the other — 1.6 bits per digit, 1.6875 bits per weight with the scale.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Poids ternaires en base 3&lt;/h3&gt;&lt;p&gt;TQ1_0 et TQ2_0 stockent chaque poids comme −1, 0 ou +1 fois une échelle F16 par 256 poids. TQ2_0 dépense 2 bits par chiffre (2,0625 bits par poids) ; TQ1_0 range &lt;b&gt;cinq chiffres dans un octet&lt;/b&gt;, puisque 3&lt;sup&gt;5&lt;/sup&gt; = 243 ≤ 256 : les chiffres sont lus comme un nombre n en base 3 (0 … 242) et l’octet stocke ⌈n · 256 / 243⌉, si bien que multiplier par 3 et garder l’octet haut rend un chiffre après l’autre — 1,6 bit par chiffre, 1,6875 bit par poids avec l’échelle.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>This tensor has fewer than 256 values: no i-quant block fits.</source>
        <translation>Ce tenseur a moins de 256 valeurs : aucun bloc i-quant n’y tient.</translation>
    </message>
    <message>
        <source>Stored for these 8 weights: codebook row &lt;b&gt;%1&lt;/b&gt; (8 bits) and the signs %2 (7 bits stored, the 8th by parity); their 32-weight sub-block has the scale code %3, so one magnitude unit is %4.&lt;table cellspacing=6&gt;&lt;tr&gt;&lt;th&gt;weight&lt;/th&gt;&lt;th&gt;value&lt;/th&gt;&lt;th&gt;codebook&lt;/th&gt;&lt;th&gt;sign&lt;/th&gt;&lt;th&gt;decoded&lt;/th&gt;&lt;/tr&gt;%5&lt;/table&gt;</source>
        <translation>Stocké pour ces 8 poids : ligne &lt;b&gt;%1&lt;/b&gt; du dictionnaire (8 bits) et les signes %2 (7 bits stockés, le 8e par parité) ; leur sous-bloc de 32 poids a le code d’échelle %3, une unité de grandeur vaut donc %4.&lt;table cellspacing=6&gt;&lt;tr&gt;&lt;th&gt;poids&lt;/th&gt;&lt;th&gt;valeur&lt;/th&gt;&lt;th&gt;dictionnaire&lt;/th&gt;&lt;th&gt;signe&lt;/th&gt;&lt;th&gt;décodé&lt;/th&gt;&lt;/tr&gt;%5&lt;/table&gt;</translation>
    </message>
    <message>
        <source>The first %1 blocks of 256 values, quantized as llama.cpp does (uniform importance). IQ2_XXS uses %2 of its 256 codebook rows here.&lt;table cellspacing=6&gt;&lt;tr&gt;&lt;th&gt;type&lt;/th&gt;&lt;th&gt;bits/weight&lt;/th&gt;&lt;th&gt;SQNR dB&lt;/th&gt;&lt;/tr&gt;%3&lt;/table&gt;</source>
        <translation>Les %1 premiers blocs de 256 valeurs, quantifiés comme llama.cpp (importance uniforme). IQ2_XXS utilise ici %2 de ses 256 lignes de dictionnaire.&lt;table cellspacing=6&gt;&lt;tr&gt;&lt;th&gt;type&lt;/th&gt;&lt;th&gt;bits/poids&lt;/th&gt;&lt;th&gt;SQNR dB&lt;/th&gt;&lt;/tr&gt;%3&lt;/table&gt;</translation>
    </message>
    <message>
        <source>i-quants (codebooks)</source>
        <translation>i-quants (dictionnaires)</translation>
    </message>
    <message>
        <source>ternary TQ1_0, TQ2_0</source>
        <translation>ternaires TQ1_0, TQ2_0</translation>
    </message>
    <message>
        <source>K-quants Q2_K, Q3_K</source>
        <translation>K-quants Q2_K, Q3_K</translation>
    </message>
    <message>
        <source>bits per weight</source>
        <translation>bits par poids</translation>
    </message>
    <message>
        <source>SQNR (dB)</source>
        <translation>SQNR (dB)</translation>
    </message>
    <message>
        <source>Byte 0 of the first TQ1_0 block holds weights 0, 32, 64, 96 and 128 (%1). With the scale d = %2 they become the digits %3 (−1, 0, +1 stored as 0, 1, 2), the base-3 number %4, and the byte %5 = ⌈%4 · 256 / 243⌉.</source>
        <translation>L’octet 0 du premier bloc TQ1_0 contient les poids 0, 32, 64, 96 et 128 (%1). Avec l’échelle d = %2 ils deviennent les chiffres %3 (−1, 0, +1 stockés 0, 1, 2), le nombre %4 en base 3, et l’octet %5 = ⌈%4 · 256 / 243⌉.</translation>
    </message>
    <message>
        <source>i-quants and ternary weights</source>
        <translation>i-quants et poids ternaires</translation>
    </message>
</context>
<context>
    <name>qx::ui::JobRunner</name>
    <message>
        <source>unknown exception</source>
        <translation>exception inconnue</translation>
    </message>
    <message>
        <source>the job ran out of memory: the machine could not give it what it asked for</source>
        <translation>la tâche a manqué de mémoire : la machine n&apos;a pas pu lui donner ce qu&apos;elle demandait</translation>
    </message>
</context>
<context>
    <name>qx::ui::KQuantsLesson</name>
    <message>
        <source>&lt;h2&gt;GGUF k-quants anatomy&lt;/h2&gt;&lt;p&gt;A &lt;b&gt;Q4_K&lt;/b&gt; super-block holds 256 weights in 144 bytes: an FP16 scale &lt;b&gt;d&lt;/b&gt; and an FP16 &lt;b&gt;dmin&lt;/b&gt;, twelve bytes packing eight 6-bit sub-block scales and eight 6-bit mins, and 128 bytes of 4-bit codes. Weight i of sub-block j (32 weights) is d·scale&lt;sub&gt;j&lt;/sub&gt;·q − dmin·min&lt;sub&gt;j&lt;/sub&gt;. The sub-block scales are themselves quantized against d: that is the saving — %1 bits per weight, where storing an FP16 scale and min for every 32 weights (Q4_1) costs %2. &lt;b&gt;Q6_K&lt;/b&gt; uses 6-bit codes, sixteen 8-bit scales and one FP16 d: %3 bits per weight.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Anatomie des k-quants GGUF&lt;/h2&gt;&lt;p&gt;Un super-bloc &lt;b&gt;Q4_K&lt;/b&gt; contient 256 poids en 144 octets : une échelle FP16 &lt;b&gt;d&lt;/b&gt; et un &lt;b&gt;dmin&lt;/b&gt; FP16, douze octets qui regroupent huit échelles de sous-bloc de 6 bits et huit minimums de 6 bits, et 128 octets de codes de 4 bits. Le poids i du sous-bloc j (32 poids) vaut d·scale&lt;sub&gt;j&lt;/sub&gt;·q − dmin·min&lt;sub&gt;j&lt;/sub&gt;. Les échelles des sous-blocs sont elles-mêmes quantifiées par rapport à d : c&apos;est là l&apos;économie — %1 bits par poids, alors que stocker une échelle et un minimum FP16 pour chaque groupe de 32 poids (Q4_1) coûte %2. &lt;b&gt;Q6_K&lt;/b&gt; utilise des codes de 6 bits, seize échelles de 8 bits et un d FP16 : %3 bits par poids.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Super-block (256 consecutive weights):</source>
        <translation>Super-bloc (256 poids consécutifs) :</translation>
    </message>
    <message>
        <source>6-bit scale</source>
        <translation>échelle 6 bits</translation>
    </message>
    <message>
        <source>6-bit min</source>
        <translation>min 6 bits</translation>
    </message>
    <message>
        <source>d · scale</source>
        <translation>d · échelle</translation>
    </message>
    <message>
        <source>dmin · min</source>
        <translation>dmin · min</translation>
    </message>
    <message>
        <source>codes used (0–15)</source>
        <translation>codes utilisés (0–15)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Q4_K header:&lt;/b&gt; d = 0x%1 = %2, dmin = 0x%3 = %4. Reconstruction SQNR %5 dB.</source>
        <translation>&lt;b&gt;En-tête Q4_K :&lt;/b&gt; d = 0x%1 = %2, dmin = 0x%3 = %4. SQNR de reconstruction %5 dB.</translation>
    </message>
    <message>
        <source>%1 … %2</source>
        <translation>%1 … %2</translation>
    </message>
    <message>
        <source>sub-block 0</source>
        <translation>sous-bloc 0</translation>
    </message>
    <message>
        <source>sub-block 1</source>
        <translation>sous-bloc 1</translation>
    </message>
    <message>
        <source>sub-block 2</source>
        <translation>sous-bloc 2</translation>
    </message>
    <message>
        <source>sub-block 3</source>
        <translation>sous-bloc 3</translation>
    </message>
    <message>
        <source>sub-block 4</source>
        <translation>sous-bloc 4</translation>
    </message>
    <message>
        <source>sub-block 5</source>
        <translation>sous-bloc 5</translation>
    </message>
    <message>
        <source>sub-block 6</source>
        <translation>sous-bloc 6</translation>
    </message>
    <message>
        <source>sub-block 7</source>
        <translation>sous-bloc 7</translation>
    </message>
    <message>
        <source>&lt;b&gt;Bytes 4–15&lt;/b&gt; (scales and mins; sub-blocks 4–7 borrow the top two bits of bytes 4–11): &lt;tt&gt;%1&lt;/tt&gt;&lt;br&gt;&lt;b&gt;Bytes 16–31&lt;/b&gt; (first codes; low nibble = weight i, high nibble = weight i + 32): &lt;tt&gt;%2&lt;/tt&gt;</source>
        <translation>&lt;b&gt;Octets 4–15&lt;/b&gt; (échelles et minimums ; les sous-blocs 4–7 empruntent les deux bits de poids fort des octets 4–11) : &lt;tt&gt;%1&lt;/tt&gt;&lt;br&gt;&lt;b&gt;Octets 16–31&lt;/b&gt; (premiers codes ; quartet bas = poids i, quartet haut = poids i + 32) : &lt;tt&gt;%2&lt;/tt&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Q6_K of the same weights:&lt;/b&gt; d = %1, sixteen 8-bit scales (one per 16 weights): %2. Codes −32…31. Reconstruction SQNR %3 dB.</source>
        <translation>&lt;b&gt;Q6_K des mêmes poids :&lt;/b&gt; d = %1, seize échelles de 8 bits (une pour 16 poids) : %2. Codes −32…31. SQNR de reconstruction %3 dB.</translation>
    </message>
    <message>
        <source>original</source>
        <translation>original</translation>
    </message>
    <message>
        <source>Q4_K reconstruction</source>
        <translation>reconstruction Q4_K</translation>
    </message>
    <message>
        <source>Q6_K reconstruction</source>
        <translation>reconstruction Q6_K</translation>
    </message>
    <message>
        <source>weight index (sub-blocks 0 and 1 of the super-block)</source>
        <translation>indice du poids (sous-blocs 0 et 1 du super-bloc)</translation>
    </message>
    <message>
        <source>weight value</source>
        <translation>valeur du poids</translation>
    </message>
    <message>
        <source>GGUF k-quants anatomy</source>
        <translation>Anatomie des k-quants GGUF</translation>
    </message>
</context>
<context>
    <name>qx::ui::LayerTableModel</name>
    <message>
        <source>%1 · %2 dB</source>
        <translation>%1 · %2 dB</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>unknown format</source>
        <translation>format inconnu</translation>
    </message>
    <message>
        <source>%1 in %2: SQNR %3 dB, relative error %4</source>
        <translation>%1 en %2 : SQNR %3 dB, erreur relative %4</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Couche</translation>
    </message>
</context>
<context>
    <name>qx::ui::LayersView</name>
    <message>
        <source>SQNR (dB)</source>
        <translation>SQNR (dB)</translation>
    </message>
    <message>
        <source>Relative error</source>
        <translation>Erreur relative</translation>
    </message>
    <message>
        <source>Signal-to-quantization-noise ratio 10·log10(Σw² / Σe²); higher is better</source>
        <translation>Rapport signal/bruit de quantification 10·log10(Σw² / Σe²) ; plus élevé est meilleur</translation>
    </message>
    <message>
        <source>‖dequantized − original‖ / ‖original‖; lower is better</source>
        <translation>‖déquantifié − original‖ / ‖original‖ ; plus bas est meilleur</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Calculer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>Toutes les classes</translation>
    </message>
    <message>
        <source>Tensor class drawn in the chart</source>
        <translation>Classe de tenseur tracée dans le graphique</translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation>Mesure :</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>Classe :</translation>
    </message>
    <message>
        <source>One row per layer, one column per tensor class; right click to export as CSV</source>
        <translation>Une ligne par couche, une colonne par classe de tenseur ; clic droit pour exporter en CSV</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Graphique</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tableau</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Calcul en cours…</translation>
    </message>
    <message>
        <source>Layer errors</source>
        <translation>Erreurs par couche</translation>
    </message>
    <message numerus="yes">
        <source>%n tensor(s)</source>
        <translation>
            <numerusform>%n tenseur</numerusform>
            <numerusform>%n tenseurs</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format :</translation>
    </message>
    <message>
        <source>Current plan</source>
        <translation>Plan actuel</translation>
    </message>
    <message>
        <source>Each tensor in the format the plan gives it (type or scheme); follows every edit</source>
        <translation>Chaque tenseur dans le format que le plan lui donne (type ou schéma) ; suit chaque modification</translation>
    </message>
    <message>
        <source>The current plan, or one candidate format for every layer tensor</source>
        <translation>Le plan actuel, ou un format candidat pour chaque tenseur de couche</translation>
    </message>
    <message>
        <source>Quantize and dequantize every layer tensor with the chosen format</source>
        <translation>Quantifier et déquantifier chaque tenseur de couche avec le format choisi</translation>
    </message>
    <message>
        <source>Export PNG/SVG…</source>
        <translation>Exporter en PNG/SVG…</translation>
    </message>
    <message>
        <source>Save the chart as a PNG picture or an SVG vector drawing (chosen by the file type)</source>
        <translation>Enregistrer le graphique comme image PNG ou dessin vectoriel SVG (selon le type de fichier)</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>Impossible d&apos;écrire %1</translation>
    </message>
    <message>
        <source>Press Compute to measure %1</source>
        <translation>Appuyez sur « Calculer » pour mesurer %1</translation>
    </message>
    <message>
        <source>No plan</source>
        <translation>Aucun plan</translation>
    </message>
    <message numerus="yes">
        <source>Waiting for the plan&apos;s errors (%n tensor(s) left)…</source>
        <translation>
            <numerusform>En attente des erreurs du plan (%n tenseur restant)…</numerusform>
            <numerusform>En attente des erreurs du plan (%n tenseurs restants)…</numerusform>
        </translation>
    </message>
    <message>
        <source>current plan</source>
        <translation>plan actuel</translation>
    </message>
    <message>
        <source>Round-trip error per layer (%1)</source>
        <translation>Erreur d’aller-retour par couche (%1)</translation>
    </message>
    <message>
        <source>layer (blk index)</source>
        <translation>couche (indice blk)</translation>
    </message>
    <message>
        <source>relative error</source>
        <translation>erreur relative</translation>
    </message>
</context>
<context>
    <name>qx::ui::LearnLab</name>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>Tensor:</source>
        <translation>Tenseur :</translation>
    </message>
    <message>
        <source>%1  (%2)</source>
        <translation>%1  (%2)</translation>
    </message>
    <message>
        <source>Built-in sample (no model loaded)</source>
        <translation>Échantillon intégré (aucun modèle chargé)</translation>
    </message>
    <message>
        <source>Capturing the model&apos;s activations…</source>
        <translation>Capture des activations du modèle…</translation>
    </message>
    <message>
        <source>This lesson runs the loaded model: open a Llama-family model.</source>
        <translation>Cette leçon exécute le modèle chargé : ouvrez un modèle de la famille Llama.</translation>
    </message>
    <message>
        <source>Capturing activations</source>
        <translation>Capture des activations</translation>
    </message>
    <message>
        <source>This lesson needs activations from a Llama-family model with a tokenizer (%1).</source>
        <translation>Cette leçon a besoin des activations d&apos;un modèle de la famille Llama avec un tokeniseur (%1).</translation>
    </message>
    <message>
        <source>Activation capture cancelled.</source>
        <translation>Capture des activations annulée.</translation>
    </message>
    <message>
        <source>Lessons use a built-in deterministic heavy-tailed sample.</source>
        <translation>Les leçons utilisent un échantillon intégré déterministe à queue lourde.</translation>
    </message>
    <message>
        <source>Lessons use the model&apos;s own weights.</source>
        <translation>Les leçons utilisent les poids du modèle lui-même.</translation>
    </message>
    <message>
        <source>Could not read the tensor (%1); using the built-in sample.</source>
        <translation>Impossible de lire le tenseur (%1) ; utilisation de l&apos;échantillon intégré.</translation>
    </message>
</context>
<context>
    <name>qx::ui::Lesson</name>
    <message>
        <source>No model loaded: using a built-in deterministic heavy-tailed sample (%1 values).</source>
        <translation>Aucun modèle chargé : utilisation d&apos;un échantillon intégré déterministe à queue lourde (%1 valeurs).</translation>
    </message>
    <message>
        <source>Tensor &lt;b&gt;%1&lt;/b&gt;: %2 rows × %3 values.</source>
        <translation>Tenseur &lt;b&gt;%1&lt;/b&gt; : %2 lignes × %3 valeurs.</translation>
    </message>
    <message>
        <source>(first %1 of %2 rows)</source>
        <translation>(les %1 premières lignes sur %2)</translation>
    </message>
</context>
<context>
    <name>qx::ui::MemoryIndicator</name>
    <message>
        <source>Memory in use by Quantization Explorer (resident set size)</source>
        <translation>Mémoire utilisée par Quantization Explorer (mémoire résidente)</translation>
    </message>
    <message>
        <source>Memory: %1</source>
        <translation>Mémoire : %1</translation>
    </message>
</context>
<context>
    <name>qx::ui::MetadataTableModel</name>
    <message>
        <source>%1 × %2: %3</source>
        <translation>%1 × %2 : %3</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
</context>
<context>
    <name>qx::ui::ModelInfoView</name>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Métadonnées</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>non indiqué</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architecture</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Totaux</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Couches</translation>
    </message>
    <message>
        <source>Embedding length</source>
        <translation>Taille de l’embedding</translation>
    </message>
    <message>
        <source>Feed-forward length</source>
        <translation>Taille du feed-forward</translation>
    </message>
    <message>
        <source>Attention heads</source>
        <translation>Têtes d’attention</translation>
    </message>
    <message>
        <source>%1 (key/value: %2)</source>
        <translation>%1 (clé/valeur : %2)</translation>
    </message>
    <message>
        <source>Context length</source>
        <translation>Longueur de contexte</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>Vocabulaire</translation>
    </message>
    <message>
        <source>Tokenizer</source>
        <translation>Tokenizer</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Held-out perplexity</source>
        <translation>Perplexité sur les données mises de côté</translation>
    </message>
    <message>
        <source>%1 ± %2 on its own held-out text (%3 tokens, context %4), as measured when it was trained</source>
        <translation>%1 ± %2 sur son propre texte mis de côté (%3 tokens, contexte %4), mesurée lors de son entraînement</translation>
    </message>
</context>
<context>
    <name>qx::ui::ModelLoader</name>
    <message>
        <source>Opening %1…</source>
        <translation>Ouverture de %1…</translation>
    </message>
</context>
<context>
    <name>qx::ui::Nf4Lesson</name>
    <message>
        <source>&lt;h2&gt;NF4 and double quantization&lt;/h2&gt;&lt;p&gt;Trained weights are roughly normally distributed: most sit near zero. &lt;b&gt;NF4&lt;/b&gt; (QLoRA) places its 16 levels at quantiles of a normal distribution, dense near zero and sparse in the tails, instead of evenly. Each block of 64 weights is divided by its absmax (an FP32 number: 32/64 = 0.5 bits per weight). &lt;b&gt;Double quantization&lt;/b&gt; stores those absmax values themselves in 8 bits, with one FP32 scale per 256 of them.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;NF4 et double quantification&lt;/h2&gt;&lt;p&gt;Les poids entraînés suivent à peu près une loi normale : la plupart sont proches de zéro. &lt;b&gt;NF4&lt;/b&gt; (QLoRA) place ses 16 niveaux aux quantiles d&apos;une loi normale, serrés près de zéro et espacés dans les queues, au lieu de les répartir uniformément. Chaque bloc de 64 poids est divisé par son absmax (un nombre FP32 : 32/64 = 0,5 bit par poids). La &lt;b&gt;double quantification&lt;/b&gt; stocke ces absmax eux-mêmes sur 8 bits, avec une échelle FP32 pour 256 d&apos;entre eux.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;table cellpadding=3&gt;&lt;tr&gt;&lt;th align=left&gt;Block of 64, 4-bit codes&lt;/th&gt;&lt;th&gt;SQNR (dB)&lt;/th&gt;&lt;th&gt;Bits per weight&lt;/th&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;uniform INT4 (absmax, FP32 scale)&lt;/td&gt;&lt;td align=right&gt;%1&lt;/td&gt;&lt;td align=right&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;NF4&lt;/td&gt;&lt;td align=right&gt;%3&lt;/td&gt;&lt;td align=right&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;NF4 + double quantization&lt;/td&gt;&lt;td align=right&gt;%4&lt;/td&gt;&lt;td align=right&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;Double quantization saves %6 bits per weight: %7 GB on a 70 B-parameter model.&lt;/p&gt;</source>
        <translation>&lt;table cellpadding=3&gt;&lt;tr&gt;&lt;th align=left&gt;Bloc de 64, codes de 4 bits&lt;/th&gt;&lt;th&gt;SQNR (dB)&lt;/th&gt;&lt;th&gt;Bits par poids&lt;/th&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;INT4 uniforme (absmax, échelle FP32)&lt;/td&gt;&lt;td align=right&gt;%1&lt;/td&gt;&lt;td align=right&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;NF4&lt;/td&gt;&lt;td align=right&gt;%3&lt;/td&gt;&lt;td align=right&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;NF4 + double quantification&lt;/td&gt;&lt;td align=right&gt;%4&lt;/td&gt;&lt;td align=right&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;La double quantification économise %6 bits par poids : %7 Go sur un modèle de 70 B paramètres.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>weights ÷ their block&apos;s absmax (count per bin)</source>
        <translation>poids ÷ absmax de leur bloc (nombre par classe)</translation>
    </message>
    <message>
        <source>NF4 levels (16)</source>
        <translation>niveaux NF4 (16)</translation>
    </message>
    <message>
        <source>uniform INT4 levels (15)</source>
        <translation>niveaux INT4 uniformes (15)</translation>
    </message>
    <message>
        <source>value as a fraction of the block&apos;s absmax</source>
        <translation>valeur en fraction de l&apos;absmax du bloc</translation>
    </message>
    <message>
        <source>weights per bin</source>
        <translation>poids par classe</translation>
    </message>
    <message>
        <source>INT4</source>
        <translation>INT4</translation>
    </message>
    <message>
        <source>NF4</source>
        <translation>NF4</translation>
    </message>
    <message>
        <source>NF4 and double quantization</source>
        <translation>NF4 et double quantification</translation>
    </message>
</context>
<context>
    <name>qx::ui::NumberFormatsLesson</name>
    <message>
        <source>&lt;h2&gt;Number formats&lt;/h2&gt;&lt;p&gt;A floating-point number stores a &lt;b&gt;sign&lt;/b&gt;, an &lt;b&gt;exponent&lt;/b&gt; (the power of two, i.e. the range) and a &lt;b&gt;mantissa&lt;/b&gt; (the digits, i.e. the precision). Fewer exponent bits shrink the range; fewer mantissa bits widen the gaps between neighbouring values. Integers have no exponent: INT8 and INT4 store a code q, and the value is Δ·q with one scale Δ shared by many weights.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Formats de nombres&lt;/h2&gt;&lt;p&gt;Un nombre à virgule flottante stocke un &lt;b&gt;signe&lt;/b&gt;, un &lt;b&gt;exposant&lt;/b&gt; (la puissance de deux, c&apos;est-à-dire la plage) et une &lt;b&gt;mantisse&lt;/b&gt; (les chiffres, c&apos;est-à-dire la précision). Moins de bits d&apos;exposant réduisent la plage ; moins de bits de mantisse élargissent les écarts entre valeurs voisines. Les entiers n&apos;ont pas d&apos;exposant : INT8 et INT4 stockent un code q, et la valeur vaut Δ·q avec une échelle Δ partagée par de nombreux poids.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Value to store:</source>
        <translation>Valeur à stocker :</translation>
    </message>
    <message>
        <source>…or pick weight number:</source>
        <translation>…ou choisir le poids numéro :</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Range and precision&lt;/h3&gt;&lt;p&gt;The largest value each format holds, the smallest step away from zero, and the gap to the next representable value at the value above: the rounding error is at most half that gap.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Plage et précision&lt;/h3&gt;&lt;p&gt;La plus grande valeur que chaque format contient, le plus petit pas à partir de zéro, et l&apos;écart jusqu&apos;à la valeur représentable suivante au niveau de la valeur ci-dessus : l&apos;erreur d&apos;arrondi vaut au plus la moitié de cet écart.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Largest value</source>
        <translation>Plus grande valeur</translation>
    </message>
    <message>
        <source>Smallest positive value</source>
        <translation>Plus petite valeur positive</translation>
    </message>
    <message>
        <source>Spacing at this value</source>
        <translation>Écart à cette valeur</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Memory calculator&lt;/h3&gt;&lt;p&gt;Weights alone need parameters × bits ÷ 8 bytes (1 GB = 10&lt;sup&gt;9&lt;/sup&gt; bytes).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Calculateur de mémoire&lt;/h3&gt;&lt;p&gt;Les poids seuls demandent paramètres × bits ÷ 8 octets (1 Go = 10&lt;sup&gt;9&lt;/sup&gt; octets).&lt;/p&gt;</translation>
    </message>
    <message>
        <source> billion parameters</source>
        <translation> milliards de paramètres</translation>
    </message>
    <message>
        <source>Bits per weight</source>
        <translation>Bits par poids</translation>
    </message>
    <message>
        <source>Weights in memory</source>
        <translation>Poids en mémoire</translation>
    </message>
    <message>
        <source>INT8 and INT4 use symmetric absmax scaling against the tensor&apos;s largest magnitude %1: Δ = %1 / 127 for INT8 and %1 / 7 for INT4. Larger values saturate at ±%1.</source>
        <translation>INT8 et INT4 utilisent une mise à l&apos;échelle absmax symétrique par rapport à la plus grande magnitude du tenseur, %1 : Δ = %1 / 127 pour INT8 et %1 / 7 pour INT4. Les valeurs plus grandes saturent à ±%1.</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 Go</translation>
    </message>
    <message>
        <source>Number formats</source>
        <translation>Formats de nombres</translation>
    </message>
</context>
<context>
    <name>qx::ui::OutlierTableModel</name>
    <message>
        <source>Tensor row (output channel, ne[1] index)</source>
        <translation>Ligne du tenseur (canal de sortie, indice ne[1])</translation>
    </message>
    <message>
        <source>Position within the row (input channel, ne[0] index)</source>
        <translation>Position dans la ligne (canal d&apos;entrée, indice ne[0])</translation>
    </message>
    <message>
        <source>|w| divided by the tensor&apos;s standard deviation σ</source>
        <translation>|w| divisé par l&apos;écart type σ du tenseur</translation>
    </message>
    <message>
        <source>#</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <source>|w|/σ</source>
        <translation>|w|/σ</translation>
    </message>
</context>
<context>
    <name>qx::ui::OutliersLesson</name>
    <message>
        <source>SmoothQuant α:</source>
        <translation>SmoothQuant α :</translation>
    </message>
    <message>
        <source>|x| per token (rows) and channel (columns); ticks mark channels with |x| ≥ %1</source>
        <translation>|x| par jeton (lignes) et canal (colonnes) ; les repères marquent les canaux avec |x| ≥ %1</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Salient channels (AWQ)&lt;/h3&gt;&lt;p&gt;The 1 % of input channels with the largest mean |x| (channels %1) meet the largest activations. Quantizing the weight to INT3 (one scale per row) gives an output error ‖WX − QX‖ of %2; keeping just those weight columns in FP16 lowers it to &lt;b&gt;%3&lt;/b&gt;, while keeping the same number of columns chosen by weight size (channels %4) gives %5. AWQ gets this effect without mixed precision by scaling the salient columns up before quantizing.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Canaux saillants (AWQ)&lt;/h3&gt;&lt;p&gt;Le 1 % des canaux d&apos;entrée ayant la plus grande moyenne de |x| (canaux %1) rencontre les plus grandes activations. Quantifier le poids en INT3 (une échelle par ligne) donne une erreur de sortie ‖WX − QX‖ de %2 ; garder seulement ces colonnes de poids en FP16 la réduit à &lt;b&gt;%3&lt;/b&gt;, tandis que garder autant de colonnes choisies selon la taille des poids (canaux %4) donne %5. AWQ obtient cet effet sans précision mixte en agrandissant les colonnes saillantes avant de quantifier.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Before: max|X_j| and max|W_j| per channel</source>
        <translation>Avant : max|X_j| et max|W_j| par canal</translation>
    </message>
    <message>
        <source>After SmoothQuant (α = %1): max|X_j / s_j| and max|W_j · s_j|</source>
        <translation>Après SmoothQuant (α = %1) : max|X_j / s_j| et max|W_j · s_j|</translation>
    </message>
    <message>
        <source>&lt;p&gt;max|W_j| is taken over %1. With α = %2, the per-token int8 × per-row int8 (W8A8) relative output error of %3 goes from &lt;b&gt;%4 %&lt;/b&gt; before to &lt;b&gt;%5 %&lt;/b&gt; after the migration. %6&lt;/p&gt;</source>
        <translation>&lt;p&gt;max|W_j| est pris sur %1. Avec α = %2, l&apos;erreur relative de sortie de %3 en int8 par jeton × int8 par ligne (W8A8) passe de &lt;b&gt;%4 %&lt;/b&gt; avant à &lt;b&gt;%5 %&lt;/b&gt; après la migration. %6&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The migration helps: the activations&apos; large channels no longer set every token&apos;s step.</source>
        <translation>La migration aide : les grands canaux des activations ne fixent plus le pas de chaque jeton.</translation>
    </message>
    <message>
        <source>Here the activations have no strong outlier channels, so the migration only moves error into the weights; on large models with outliers it is what makes W8A8 work.</source>
        <translation>Ici les activations n&apos;ont pas de canaux fortement aberrants : la migration ne fait que déplacer l&apos;erreur vers les poids ; sur les grands modèles avec valeurs aberrantes, c&apos;est elle qui rend W8A8 possible.</translation>
    </message>
    <message>
        <source>max |X_j| (activations)</source>
        <translation>max |X_j| (activations)</translation>
    </message>
    <message>
        <source>max |W_j| (weights)</source>
        <translation>max |W_j| (poids)</translation>
    </message>
    <message>
        <source>max |·|, log</source>
        <translation>max |·|, log.</translation>
    </message>
    <message>
        <source>Outliers, LLM.int8, AWQ, SmoothQuant</source>
        <translation>Valeurs aberrantes, LLM.int8, AWQ, SmoothQuant</translation>
    </message>
    <message>
        <source>channel j: those named above, then the largest max|X_j|</source>
        <translation>canal j : ceux nommés ci-dessus, puis les plus grands max|X_j|</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Outliers, LLM.int8, AWQ and SmoothQuant&lt;/h2&gt;&lt;p&gt;In large language models a few &lt;b&gt;feature dimensions&lt;/b&gt; (channels) of the activations carry values far larger than the rest, in almost every token. One int8 step per token must then cover the outlier, and every other channel loses precision. &lt;b&gt;LLM.int8&lt;/b&gt; multiplies the outlier channels (any |x| ≥ 6 in models of several billion parameters) in FP16 and the rest in int8. A small model&apos;s activations live on another scale, so here the threshold is a multiple of the typical channel&apos;s largest |x| (the median over the channels): like 6 in a large model, it flags the few channels that stand out. &lt;b&gt;AWQ&lt;/b&gt; notes that the weights meeting large activations matter most and protects them by scaling. &lt;b&gt;SmoothQuant&lt;/b&gt; divides each activation channel by s&lt;sub&gt;j&lt;/sub&gt; = max|X&lt;sub&gt;j&lt;/sub&gt;|&lt;sup&gt;α&lt;/sup&gt; / max|W&lt;sub&gt;j&lt;/sub&gt;|&lt;sup&gt;1−α&lt;/sup&gt; and multiplies the weights&apos; column j by it: the product is unchanged, but the difficulty migrates from activations to weights.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Valeurs aberrantes, LLM.int8, AWQ et SmoothQuant&lt;/h2&gt;&lt;p&gt;Dans les grands modèles de langage, quelques &lt;b&gt;dimensions de caractéristiques&lt;/b&gt; (canaux) des activations portent, dans presque chaque jeton, des valeurs bien plus grandes que les autres. Un pas int8 par jeton doit alors couvrir la valeur aberrante, et tous les autres canaux perdent en précision. &lt;b&gt;LLM.int8&lt;/b&gt; multiplie les canaux aberrants (un |x| ≥ 6 dans les modèles de plusieurs milliards de paramètres) en FP16 et le reste en int8. Les activations d&apos;un petit modèle ont une autre échelle ; le seuil est donc ici un multiple du plus grand |x| d&apos;un canal typique (la médiane sur les canaux) : comme 6 dans un grand modèle, il signale les quelques canaux qui se détachent. &lt;b&gt;AWQ&lt;/b&gt; constate que les poids qui rencontrent de grandes activations comptent le plus et les protège par une mise à l&apos;échelle. &lt;b&gt;SmoothQuant&lt;/b&gt; divise chaque canal d&apos;activation par s&lt;sub&gt;j&lt;/sub&gt; = max|X&lt;sub&gt;j&lt;/sub&gt;|&lt;sup&gt;α&lt;/sup&gt; / max|W&lt;sub&gt;j&lt;/sub&gt;|&lt;sup&gt;1−α&lt;/sup&gt; et multiplie la colonne j des poids par ce facteur : le produit est inchangé, mais la difficulté migre des activations vers les poids.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Outlier threshold:</source>
        <translation>Seuil des valeurs aberrantes :</translation>
    </message>
    <message>
        <source>A channel is an outlier when it holds a |x| of at least this multiple of the median over the channels of their largest |x|</source>
        <translation>Un canal est aberrant s&apos;il contient un |x| d&apos;au moins ce multiple de la médiane, sur les canaux, de leur plus grand |x|</translation>
    </message>
    <message>
        <source>× the median channel&apos;s max |x|</source>
        <translation>× le max |x| du canal médian</translation>
    </message>
    <message>
        <source>&lt;h3&gt;LLM.int8 decomposition&lt;/h3&gt;&lt;p&gt;The median channel&apos;s largest |x| is %9, so the threshold %10 × %9 is |x| ≥ %3. %1 of %2 channels hold such a value (%4 values in all; the largest |x| is %5). LLM.int8 multiplies these %1 columns in FP16 and the other %6 in int8. Relative output error of X·Wᵀ: int8 everywhere &lt;b&gt;%7 %&lt;/b&gt;, LLM.int8 &lt;b&gt;%8 %&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Décomposition LLM.int8&lt;/h3&gt;&lt;p&gt;Le plus grand |x| du canal médian vaut %9 ; le seuil %10 × %9 est donc |x| ≥ %3. %1 canaux sur %2 contiennent une telle valeur (%4 valeurs en tout ; le plus grand |x| vaut %5). LLM.int8 multiplie ces %1 colonnes en FP16 et les %6 autres en int8. Erreur relative de sortie de X·Wᵀ : int8 partout &lt;b&gt;%7 %&lt;/b&gt;, LLM.int8 &lt;b&gt;%8 %&lt;/b&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;No channel of this layer stands out that far: outlier features emerge in models of several billion parameters (Dettmers et al. saw them from about 6.7 B on). Lower the multiple to see the decomposition at work.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Aucun canal de cette couche ne se détache autant : les caractéristiques aberrantes apparaissent dans les modèles de plusieurs milliards de paramètres (Dettmers et al. les ont observées à partir d&apos;environ 6,7 B). Abaissez le multiple pour voir la décomposition à l&apos;œuvre.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>qx::ui::OutliersView</name>
    <message>
        <source>The largest |w| of the tensor; right click to export as CSV</source>
        <translation>Les plus grands |w| du tenseur ; clic droit pour exporter en CSV</translation>
    </message>
    <message>
        <source>max |w|</source>
        <translation>max |w|</translation>
    </message>
    <message>
        <source>RMS</source>
        <translation>RMS</translation>
    </message>
    <message>
        <source>|w|</source>
        <translation>|w|</translation>
    </message>
    <message>
        <source>row (output channel)</source>
        <translation>ligne (canal de sortie)</translation>
    </message>
    <message>
        <source>column (input channel)</source>
        <translation>colonne (canal d&apos;entrée)</translation>
    </message>
    <message>
        <source>No value lies beyond 6σ (|w| &gt; %1): no outliers.</source>
        <translation>Aucune valeur au-delà de 6σ (|w| &gt; %1) : pas de valeur aberrante.</translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) beyond 6σ (|w| &gt; %1); the largest %2 are listed.</source>
        <translation>
            <numerusform>%n valeur au-delà de 6σ (|w| &gt; %1) ; les %2 plus grandes sont listées.</numerusform>
            <numerusform>%n valeurs au-delà de 6σ (|w| &gt; %1) ; les %2 plus grandes sont listées.</numerusform>
        </translation>
    </message>
    <message>
        <source>|w| map</source>
        <translation>carte de |w|</translation>
    </message>
    <message>
        <source>Rows and columns</source>
        <translation>Lignes et colonnes</translation>
    </message>
    <message>
        <source>Largest |w|</source>
        <translation>Plus grands |w|</translation>
    </message>
    <message>
        <source>The largest |w| of each cell of the tensor: outlier rows and columns stand out</source>
        <translation>Le plus grand |w| de chaque cellule du tenseur : les lignes et colonnes aberrantes ressortent</translation>
    </message>
    <message>
        <source>max |w| and RMS of every row (output channel) and column (input channel)</source>
        <translation>max |w| et RMS de chaque ligne (canal de sortie) et colonne (canal d&apos;entrée)</translation>
    </message>
    <message>
        <source>The tensor&apos;s largest values and how many σ they lie from 0</source>
        <translation>Les plus grandes valeurs du tenseur et à combien de σ de 0 elles se trouvent</translation>
    </message>
    <message>
        <source>%1 (max over groups of %2)</source>
        <translation>%1 (maximum sur des groupes de %2)</translation>
    </message>
    <message>
        <source>Per row</source>
        <translation>Par ligne</translation>
    </message>
    <message>
        <source>Per column</source>
        <translation>Par colonne</translation>
    </message>
    <message>
        <source>Largest |w| in each cell of the down-sampled tensor; bright cells hold outliers</source>
        <translation>Plus grand |w| de chaque cellule du tenseur sous-échantillonné ; les cellules claires contiennent des valeurs aberrantes</translation>
    </message>
    <message>
        <source>max |w| per cell of %1 × %2 values</source>
        <translation>max |w| par cellule de %1 × %2 valeurs</translation>
    </message>
</context>
<context>
    <name>qx::ui::PlanDocument</name>
    <message>
        <source>Set %1 to %2</source>
        <translation>Passer %1 en %2</translation>
    </message>
    <message>
        <source>Set %1 tensors to %2</source>
        <translation>Passer %1 tenseurs en %2</translation>
    </message>
    <message>
        <source>Set all tensors to %1</source>
        <translation>Passer tous les tenseurs en %1</translation>
    </message>
    <message>
        <source>Preset %1</source>
        <translation>Préréglage %1</translation>
    </message>
    <message>
        <source>Pin %1 tensors</source>
        <translation>Épingler %1 tenseurs</translation>
    </message>
    <message>
        <source>Unpin %1 tensors</source>
        <translation>Désépingler %1 tenseurs</translation>
    </message>
    <message>
        <source>Load %1</source>
        <translation>Charger %1</translation>
    </message>
    <message>
        <source>Recover unsaved plan</source>
        <translation>Récupérer le plan non enregistré</translation>
    </message>
    <message>
        <source>Apply %1</source>
        <translation>Appliquer %1</translation>
    </message>
    <message>
        <source>solver %1 bpw</source>
        <translation>solveur %1 bpw</translation>
    </message>
    <message>
        <source>as stored</source>
        <translation>comme stocké</translation>
    </message>
    <message numerus="yes">
        <source>%n edit(s)</source>
        <translation>
            <numerusform>%n modification</numerusform>
            <numerusform>%n modifications</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n schemes</source>
        <translation>
            <numerusform>%n schéma</numerusform>
            <numerusform>%n schémas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qx::ui::PlanExport</name>
    <message>
        <source>its stored type</source>
        <translation>son type stocké</translation>
    </message>
    <message>
        <source>%1: %2 is not exportable to GGUF — written as %3</source>
        <translation>%1 : %2 n’est pas exportable en GGUF — écrit en %3</translation>
    </message>
    <message>
        <source>… and more</source>
        <translation>… et d’autres</translation>
    </message>
    <message>
        <source>%1 quantizes activations as well as weights (W8A8): it can be evaluated but GGUF cannot hold it. Undo or choose other types to export.</source>
        <translation>%1 quantifie les activations comme les poids (W8A8) : il peut être évalué mais GGUF ne peut pas le contenir. Annulez ou choisissez d’autres types pour exporter.</translation>
    </message>
    <message>
        <source>%1 uses a uniform integer grid that has no GGUF type: it can be evaluated but not exported.</source>
        <translation>%1 utilise une grille entière uniforme sans type GGUF : il peut être évalué mais pas exporté.</translation>
    </message>
    <message>
        <source>Calibrated weights are exported from GGUF models only; convert this model to GGUF first.</source>
        <translation>Les poids calibrés ne s’exportent que depuis des modèles GGUF ; convertissez d’abord ce modèle en GGUF.</translation>
    </message>
    <message>
        <source>Export GGUF</source>
        <translation>Exporter en GGUF</translation>
    </message>
    <message>
        <source>Not exportable to GGUF</source>
        <translation>Non exportable en GGUF</translation>
    </message>
    <message>
        <source>Some tensors use a scheme that has no GGUF type. The file will hold the nearest GGUF type instead:

%1

Export anyway?</source>
        <translation>Certains tenseurs utilisent un schéma sans type GGUF. Le fichier contiendra à la place le type GGUF le plus proche :

%1

Exporter quand même ?</translation>
    </message>
    <message>
        <source>Export GGUF (%1)</source>
        <translation>Exporter en GGUF (%1)</translation>
    </message>
    <message>
        <source>GGUF files (*.gguf)</source>
        <translation>Fichiers GGUF (*.gguf)</translation>
    </message>
    <message>
        <source>Exporting %1</source>
        <translation>Export de %1</translation>
    </message>
    <message>
        <source>Wrote %1: %2 bytes, %3 tensors quantized, %4 copied, every tensor verified</source>
        <translation>%1 écrit : %2 octets, %3 tenseurs quantifiés, %4 copiés, chaque tenseur vérifié</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written to %1</source>
        <translation>Export annulé ; rien n’a été écrit dans %1</translation>
    </message>
    <message>
        <source>Export to %1 failed: %2. %3</source>
        <translation>L’export vers %1 a échoué : %2. %3</translation>
    </message>
    <message>
        <source>unexpected error</source>
        <translation>erreur inattendue</translation>
    </message>
    <message>
        <source>Wrote %1: %2 bytes, %3 tensors quantized, %4 copied; largest deviation of a calibrated value from the evaluated one: %5</source>
        <translation>%1 écrit : %2 octets, %3 tenseurs quantifiés, %4 copiés ; plus grand écart d’une valeur calibrée par rapport à la valeur évaluée : %5</translation>
    </message>
    <message>
        <source>Export Plan Report</source>
        <translation>Exporter le rapport du plan</translation>
    </message>
    <message>
        <source>Markdown (*.md);;CSV (*.csv);;JSON (*.json)</source>
        <translation>Markdown (*.md);;CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Wrote the plan report %1</source>
        <translation>Rapport du plan %1 écrit</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>Cannot build the report: %1</source>
        <translation>Impossible de construire le rapport : %1</translation>
    </message>
</context>
<context>
    <name>qx::ui::PlanFileActions</name>
    <message>
        <source>Unsaved plan</source>
        <translation>Plan non enregistré</translation>
    </message>
    <message>
        <source>The quantization plan has unsaved changes. Save them?</source>
        <translation>Le plan de quantification contient des modifications non enregistrées. Les enregistrer ?</translation>
    </message>
    <message>
        <source>Could not save the plan</source>
        <translation>Impossible d’enregistrer le plan</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 enregistré</translation>
    </message>
    <message>
        <source>Save Plan</source>
        <translation>Enregistrer le plan</translation>
    </message>
    <message>
        <source>Quantization plans (*.json)</source>
        <translation>Plans de quantification (*.json)</translation>
    </message>
    <message>
        <source>Load Plan</source>
        <translation>Charger un plan</translation>
    </message>
    <message>
        <source>Quantization plans (*.json);;All files (*)</source>
        <translation>Plans de quantification (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Could not load the plan</source>
        <translation>Impossible de charger le plan</translation>
    </message>
    <message>
        <source>“%1” does not fit this model or is not a plan.
Detail: %2</source>
        <translation>« %1 » ne correspond pas à ce modèle ou n’est pas un plan.
Détail : %2</translation>
    </message>
    <message>
        <source>Recover unsaved plan</source>
        <translation>Récupérer le plan non enregistré</translation>
    </message>
    <message>
        <source>An unsaved plan for this model was kept from %1 (the program did not close normally). Recover it?</source>
        <translation>Un plan non enregistré pour ce modèle a été conservé le %1 (le programme ne s’est pas fermé normalement). Le récupérer ?</translation>
    </message>
    <message>
        <source>Could not recover the plan: %1</source>
        <translation>Impossible de récupérer le plan : %1</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>personnalisé</translation>
    </message>
    <message>
        <source>%1 file (%2 bytes)</source>
        <translation>fichier de %1 (%2 octets)</translation>
    </message>
    <message>
        <source>file size unknown</source>
        <translation>taille de fichier inconnue</translation>
    </message>
    <message>
        <source>Plan (%1): %2 · %3 bits/weight · %4 % of the stored tensors</source>
        <translation>Plan (%1) : %2 · %3 bits/poids · %4 % des tenseurs stockés</translation>
    </message>
</context>
<context>
    <name>qx::ui::QatLesson</name>
    <message>
        <source>&lt;h2&gt;Quantization-aware training (QAT), live&lt;/h2&gt;&lt;p&gt;&lt;b&gt;Post-training quantization&lt;/b&gt; (PTQ) rounds the finished weights. &lt;b&gt;QAT&lt;/b&gt; keeps training with the rounding in the forward pass: the model sees its quantized weights, and the gradient passes through the rounding as if it were the identity (the &lt;b&gt;straight-through estimator&lt;/b&gt;) to update float &quot;latent&quot; weights. The weights learn to sit where rounding hurts least.&lt;/p&gt;&lt;p&gt;Here the built-in demo model (trained by qexplore on its own generated stories) is fine-tuned for %1 steps of %2 × %3 tokens at 2, 3 and 4 bits (asymmetric, one FP16 step per %4 weights). That takes about 15 seconds of processor time: roughly 10 seconds on two idle cores, several times longer when they are busy. Perplexity is measured on held-out stories.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Entraînement conscient de la quantification (QAT), en direct&lt;/h2&gt;&lt;p&gt;La &lt;b&gt;quantification après entraînement&lt;/b&gt; (PTQ) arrondit les poids finis. &lt;b&gt;QAT&lt;/b&gt; poursuit l&apos;entraînement avec l&apos;arrondi dans la passe avant : le modèle voit ses poids quantifiés, et le gradient traverse l&apos;arrondi comme s&apos;il était l&apos;identité (l&apos;&lt;b&gt;estimateur straight-through&lt;/b&gt;) pour mettre à jour des poids flottants « latents ». Les poids apprennent à se placer là où l&apos;arrondi nuit le moins.&lt;/p&gt;&lt;p&gt;Ici, le modèle de démonstration intégré (entraîné par qexplore sur ses propres histoires générées) est affiné pendant %1 pas de %2 × %3 jetons à 2, 3 et 4 bits (asymétrique, un pas FP16 pour %4 poids). Cela demande environ 15 secondes de temps processeur : une dizaine de secondes sur deux cœurs libres, plusieurs fois plus quand ils sont occupés. La perplexité est mesurée sur des histoires mises de côté.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Entraîner</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Poids</translation>
    </message>
    <message>
        <source>PTQ perplexity</source>
        <translation>Perplexité PTQ</translation>
    </message>
    <message>
        <source>QAT perplexity</source>
        <translation>Perplexité QAT</translation>
    </message>
    <message>
        <source>PTQ loss recovered</source>
        <translation>Perte PTQ récupérée</translation>
    </message>
    <message>
        <source>This lesson needs a model trained by qexplore: open the built-in demo model (it opens at start).</source>
        <translation>Cette leçon a besoin d&apos;un modèle entraîné par qexplore : ouvrez le modèle de démonstration intégré (il s&apos;ouvre au démarrage).</translation>
    </message>
    <message>
        <source>Model: &lt;b&gt;%1&lt;/b&gt;. Press &lt;b&gt;Train&lt;/b&gt;.</source>
        <translation>Modèle : &lt;b&gt;%1&lt;/b&gt;. Appuyez sur &lt;b&gt;Entraîner&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Training loss per step (fake-quantized forward pass)</source>
        <translation>Perte d&apos;entraînement par pas (passe avant en quantification simulée)</translation>
    </message>
    <message>
        <source>step</source>
        <translation>pas</translation>
    </message>
    <message>
        <source>loss (nats per token)</source>
        <translation>perte (nats par jeton)</translation>
    </message>
    <message>
        <source>QAT INT%1</source>
        <translation>QAT INT%1</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>Entraînement…</translation>
    </message>
    <message>
        <source>QAT lesson</source>
        <translation>Leçon QAT</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation>Échec de l&apos;entraînement : %1</translation>
    </message>
    <message>
        <source>Done in %1 s. Float (unquantized) model: held-out perplexity %2.</source>
        <translation>Terminé en %1 s. Modèle flottant (non quantifié) : perplexité sur les données mises de côté %2.</translation>
    </message>
    <message>
        <source>F32 (no quantization)</source>
        <translation>F32 (sans quantification)</translation>
    </message>
    <message>
        <source>INT%1, group %2</source>
        <translation>INT%1, groupe %2</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>nothing to recover</source>
        <translation>rien à récupérer</translation>
    </message>
    <message>
        <source>QAT live</source>
        <translation>QAT en direct</translation>
    </message>
</context>
<context>
    <name>qx::ui::RunsModel</name>
    <message>
        <source>Size of the GGUF file the plan exports, to the byte</source>
        <translation>Taille du fichier GGUF exporté par le plan, à l&apos;octet près</translation>
    </message>
    <message>
        <source>Bits per weight of the planned tensors (8 · bytes / parameters)</source>
        <translation>Bits par poids des tenseurs planifiés (8 · octets / paramètres)</translation>
    </message>
    <message>
        <source>Perplexity of the plan on the text ± llama.cpp&apos;s uncertainty (lower is better)</source>
        <translation>Perplexité du plan sur le texte ± incertitude de llama.cpp (plus bas est meilleur)</translation>
    </message>
    <message>
        <source>Perplexity of the unquantized (F32) model on the same chunks</source>
        <translation>Perplexité du modèle non quantifié (F32) sur les mêmes segments</translation>
    </message>
    <message>
        <source>Mean KL divergence of the plan&apos;s token distribution from the F32 model&apos;s, nats per token</source>
        <translation>Divergence KL moyenne de la distribution des jetons du plan par rapport à celle du modèle F32, nats par jeton</translation>
    </message>
    <message>
        <source>99th percentile of the per-token KL divergence</source>
        <translation>99e centile de la divergence KL par jeton</translation>
    </message>
    <message>
        <source>Share of tokens whose most likely next token is unchanged</source>
        <translation>Part des jetons dont le jeton suivant le plus probable est inchangé</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Évaluation</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Bits/weight</source>
        <translation>Bits/poids</translation>
    </message>
    <message>
        <source>PPL</source>
        <translation>PPL</translation>
    </message>
    <message>
        <source>PPL (F32)</source>
        <translation>PPL (F32)</translation>
    </message>
    <message>
        <source>Mean KLD</source>
        <translation>KLD moyenne</translation>
    </message>
    <message>
        <source>KLD 99%</source>
        <translation>KLD 99 %</translation>
    </message>
    <message>
        <source>Same top</source>
        <translation>Même premier</translation>
    </message>
    <message>
        <source>Ctx</source>
        <translation>Ctx</translation>
    </message>
    <message>
        <source>Chunks</source>
        <translation>Segments</translation>
    </message>
    <message>
        <source>%1
on %2, context %3, %4 chunks</source>
        <translation>%1
sur %2, contexte %3, %4 segments</translation>
    </message>
</context>
<context>
    <name>qx::ui::RunsView</name>
    <message>
        <source>Double-click a run to load its plan; right click to export as CSV</source>
        <translation>Double-cliquez sur une évaluation pour charger son plan ; clic droit pour exporter en CSV</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Save the table as comma-separated values</source>
        <translation>Enregistrer le tableau en valeurs séparées par des virgules</translation>
    </message>
    <message>
        <source>Every evaluation of this session; hover the headers for what each column means.</source>
        <translation>Toutes les évaluations de cette session ; survolez les en-têtes pour la signification de chaque colonne.</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>Exporter le tableau</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>qx::ui::SchemePanel</name>
    <message>
        <source>Calibrate</source>
        <translation>Calibrer</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Formats of the traits table: GGUF types first, then schemes a GGUF file cannot hold</source>
        <translation>Formats de la table des caractéristiques : d’abord les types GGUF, puis les schémas qu’un fichier GGUF ne peut pas contenir</translation>
    </message>
    <message>
        <source>%1 — %2 bits/weight</source>
        <translation>%1 — %2 bits/poids</translation>
    </message>
    <message>
        <source>The scheme Apply gives the tensors, as the tree&apos;s Planned column names it</source>
        <translation>Le schéma que « Appliquer » donne aux tenseurs, nommé comme dans la colonne Plan de l’arbre</translation>
    </message>
    <message>
        <source>Apply to Selection</source>
        <translation>Appliquer à la sélection</translation>
    </message>
    <message>
        <source>Give the selected tensors this format (Ctrl+T)</source>
        <translation>Donner ce format aux tenseurs sélectionnés (Ctrl+T)</translation>
    </message>
    <message>
        <source>Apply to All</source>
        <translation>Appliquer à tous</translation>
    </message>
    <message>
        <source>Every quantizable weight in this format; norms stay F32, rows that do not fit take llama-quantize&apos;s fallback</source>
        <translation>Chaque poids quantifiable dans ce format ; les normes restent en F32, les lignes qui ne conviennent pas prennent le type de repli de llama-quantize</translation>
    </message>
    <message>
        <source>Regex, e.g. ffn_down|attn_v</source>
        <translation>Regex, p. ex. ffn_down|attn_v</translation>
    </message>
    <message>
        <source>Apply to Matching</source>
        <translation>Appliquer aux correspondances</translation>
    </message>
    <message>
        <source>Tensors whose name matches the regular expression</source>
        <translation>Tenseurs dont le nom correspond à l’expression régulière</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Épinglé</translation>
    </message>
    <message>
        <source>Presets and the budget solver keep the selected tensors&apos; formats</source>
        <translation>Les préréglages et le solveur de budget conservent les formats des tenseurs sélectionnés</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Désépingler</translation>
    </message>
    <message>
        <source>Let presets and the solver change the selected tensors again</source>
        <translation>Laisser de nouveau les préréglages et le solveur modifier les tenseurs sélectionnés</translation>
    </message>
    <message>
        <source>llama-quantize preset</source>
        <translation>Préréglage llama-quantize</translation>
    </message>
    <message>
        <source>llama-quantize&apos;s type mixes (llama.cpp b4748), rule for rule; the Reason column says which rule chose each tensor&apos;s type</source>
        <translation>Les mélanges de types de llama-quantize (llama.cpp b4748), règle par règle ; la colonne « Raison » indique la règle qui a choisi le type de chaque tenseur</translation>
    </message>
    <message>
        <source>Apply Preset</source>
        <translation>Appliquer le préréglage</translation>
    </message>
    <message>
        <source>Re-plan every unpinned tensor with this mix</source>
        <translation>Replanifier chaque tenseur non épinglé avec ce mélange</translation>
    </message>
    <message>
        <source>Size budget</source>
        <translation>Budget de taille</translation>
    </message>
    <message>
        <source>Chooses per-tensor formats that minimise the predicted loss (importance-weighted squared round-trip error) within the budget; pinned tensors are kept</source>
        <translation>Choisit par tenseur les formats qui minimisent la perte prédite (erreur quadratique aller-retour pondérée par l’importance) dans le budget ; les tenseurs épinglés sont conservés</translation>
    </message>
    <message>
        <source>Bits/weight</source>
        <translation>Bits/poids</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>Taille du fichier</translation>
    </message>
    <message>
        <source>Measuring candidates… %p%</source>
        <translation>Mesure des candidats… %p%</translation>
    </message>
    <message>
        <source>Scheme: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Schéma : &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1, blocks of %2 values</source>
        <translation>%1, blocs de %2 valeurs</translation>
    </message>
    <message>
        <source>%1 %2 — not exportable to GGUF; nearest type %3, which these rows cannot hold: a file holds %4. The error columns show this scheme; the file size counts %4.</source>
        <translation>%1 %2 — non exportable en GGUF ; type le plus proche %3, que ces lignes ne peuvent pas contenir : un fichier contient %4. Les colonnes d’erreur montrent ce schéma ; la taille du fichier compte %4.</translation>
    </message>
    <message>
        <source>%1 %2 — not exportable to GGUF: a file holds %3 (llama-quantize&apos;s fallback where rows do not fit). The error columns show this scheme; the file size counts %3.</source>
        <translation>%1 %2 — non exportable en GGUF : un fichier contient %3 (le type de repli de llama-quantize là où les lignes ne conviennent pas). Les colonnes d’erreur montrent ce schéma ; la taille du fichier compte %3.</translation>
    </message>
    <message>
        <source>No tensor here can hold it.</source>
        <translation>Aucun tenseur ici ne peut le contenir.</translation>
    </message>
    <message>
        <source>Exactly %1 bits/weight (%2) over every weight it fits.</source>
        <translation>Exactement %1 bits/poids (%2) sur tous les poids auxquels il convient.</translation>
    </message>
    <message>
        <source>Exactly %1 bits/weight (%2) on the selection.</source>
        <translation>Exactement %1 bits/poids (%2) sur la sélection.</translation>
    </message>
    <message numerus="yes">
        <source>%n tensor(s) cannot hold it (row length).</source>
        <translation>
            <numerusform>%n tenseur ne peut pas le contenir (longueur de ligne).</numerusform>
            <numerusform>%n tenseurs ne peuvent pas le contenir (longueur de ligne).</numerusform>
        </translation>
    </message>
    <message>
        <source>Apply to %1 Selected</source>
        <translation>Appliquer aux %1 sélectionnés</translation>
    </message>
    <message>
        <source>%1 took llama-quantize&apos;s fallback type</source>
        <translation>%1 avec le type de repli de llama-quantize</translation>
    </message>
    <message>
        <source>%1 pinned kept</source>
        <translation>%1 épinglés conservés</translation>
    </message>
    <message>
        <source>%1 left as they are (vectors, or rows the format cannot hold)</source>
        <translation>%1 laissés tels quels (vecteurs, ou lignes que le format ne peut pas contenir)</translation>
    </message>
    <message>
        <source>No tensor matches “%1”</source>
        <translation>Aucun tenseur ne correspond à « %1 »</translation>
    </message>
    <message>
        <source>Measuring candidate formats…</source>
        <translation>Mesure des formats candidats…</translation>
    </message>
    <message>
        <source>The budget solver is unavailable: %1</source>
        <translation>Le solveur de budget n’est pas disponible : %1</translation>
    </message>
    <message>
        <source>Measuring candidates was cancelled</source>
        <translation>La mesure des candidats a été annulée</translation>
    </message>
    <message>
        <source>%1 bits/weight</source>
        <translation>%1 bits/poids</translation>
    </message>
    <message>
        <source>%1 file</source>
        <translation>fichier de %1</translation>
    </message>
    <message>
        <source>Budget %1</source>
        <translation>Budget %1</translation>
    </message>
    <message>
        <source>The solver now minimises measured KLD; move the slider to re-solve.</source>
        <translation>Le solveur minimise maintenant la KLD mesurée ; déplacez le curseur pour relancer.</translation>
    </message>
    <message>
        <source>Measured KLD cannot calibrate the solver: %1</source>
        <translation>La KLD mesurée ne peut pas calibrer le solveur : %1</translation>
    </message>
    <message>
        <source>Not in GGUF: for measuring, a GGUF export holds llama-quantize&apos;s type</source>
        <translation>Pas en GGUF : pour mesurer ; un export GGUF contient le type de llama-quantize</translation>
    </message>
    <message numerus="yes">
        <source>%n tensor(s) changed</source>
        <translation>
            <numerusform>%n tenseur modifié</numerusform>
            <numerusform>%n tenseurs modifiés</numerusform>
        </translation>
    </message>
    <message>
        <source>Up to 8.5 bits/weight, where the useful plans lie, takes most of the track; the rest reaches F16 and F32</source>
        <translation>Jusqu&apos;à 8,5 bits/poids, là où se trouvent les plans utiles, occupe l&apos;essentiel de la glissière ; le reste va jusqu&apos;à F16 et F32</translation>
    </message>
    <message>
        <source>Type a target: the solver finds the plan of least predicted loss within it</source>
        <translation>Saisissez une cible : le solveur trouve le plan de moindre perte prédite qui la respecte</translation>
    </message>
    <message>
        <source>Move the slider or type a target to let the solver choose every unpinned tensor&apos;s format.</source>
        <translation>Déplacez le curseur ou saisissez une cible pour que le solveur choisisse le format de chaque tenseur non épinglé.</translation>
    </message>
    <message>
        <source> bits/weight</source>
        <translation> bits/poids</translation>
    </message>
    <message>
        <source> MiB file</source>
        <translation> Mio fichier</translation>
    </message>
    <message>
        <source>The budget cannot be met: this is the smallest plan.</source>
        <translation>Le budget ne peut pas être tenu : voici le plus petit plan.</translation>
    </message>
    <message>
        <source>now %1 bits/weight, %2 file</source>
        <translation>actuellement %1 bits/poids, fichier de %2</translation>
    </message>
    <message>
        <source>The plan uses formats the solver does not predict (schemes): %1.</source>
        <translation>Le plan utilise des formats que le solveur ne prédit pas (schémas) : %1.</translation>
    </message>
    <message>
        <source>Predicted KLD %1 nats per token (Q8_0 everywhere %2, Q4_K_M %3; each tensor&apos;s measured KLD scaled to its format and summed) · %4</source>
        <translation>KLD prédite %1 nats par jeton (Q8_0 partout %2, Q4_K_M %3 ; la KLD mesurée de chaque tenseur mise à l&apos;échelle de son format et additionnée) · %4</translation>
    </message>
    <message>
        <source>Predicted loss %1 (Q8_0 everywhere %2, Q4_K_M %3: the squared round-trip error, importance-weighted, summed; lower is better — measure sensitivity to predict KLD) · %4</source>
        <translation>Perte prédite %1 (Q8_0 partout %2, Q4_K_M %3 : l&apos;erreur quadratique de l&apos;aller-retour, pondérée par l&apos;importance, additionnée ; plus bas est meilleur — mesurez la sensibilité pour prédire la KLD) · %4</translation>
    </message>
    <message>
        <source>; quantized with the importance matrix</source>
        <translation> ; quantifié avec la matrice d’importance</translation>
    </message>
    <message>
        <source>; needs an importance matrix (load or compute one under the presets)</source>
        <translation> ; demande une matrice d’importance (à charger ou calculer sous les préréglages)</translation>
    </message>
    <message>
        <source>llama-quantize --imatrix: the importance matrix presets, the solver, evaluations and exports quantize with. IQ1_S, IQ1_M, IQ2_XXS, IQ2_XS and IQ2_S need one.</source>
        <translation>llama-quantize --imatrix : la matrice d’importance avec laquelle les préréglages, le solveur, les évaluations et les exports quantifient. IQ1_S, IQ1_M, IQ2_XXS, IQ2_XS et IQ2_S en ont besoin.</translation>
    </message>
    <message>
        <source>Load…</source>
        <translation>Charger…</translation>
    </message>
    <message>
        <source>Read an importance matrix (llama-imatrix .dat or GGUF)</source>
        <translation>Lire une matrice d’importance (llama-imatrix .dat ou GGUF)</translation>
    </message>
    <message>
        <source>Compute…</source>
        <translation>Calculer…</translation>
    </message>
    <message>
        <source>Compute one as llama-imatrix does, on the evaluation text</source>
        <translation>En calculer une comme llama-imatrix, sur le texte d’évaluation</translation>
    </message>
    <message>
        <source>Load Importance Matrix</source>
        <translation>Charger une matrice d’importance</translation>
    </message>
    <message>
        <source>Importance matrices (*.dat *.gguf);;All files (*)</source>
        <translation>Matrices d’importance (*.dat *.gguf);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Importance matrix: none</source>
        <translation>Matrice d’importance : aucune</translation>
    </message>
    <message numerus="yes">
        <source>Importance matrix: %1 (%n matrices, %2 chunks)</source>
        <translation>
            <numerusform>Matrice d’importance : %1 (%n matrice, %2 segments)</numerusform>
            <numerusform>Matrice d’importance : %1 (%n matrices, %2 segments)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot use the importance matrix: %1 (%2)</source>
        <translation>Matrice d’importance inutilisable : %1 (%2)</translation>
    </message>
    <message>
        <source>Using the importance matrix %1</source>
        <translation>Matrice d’importance %1 utilisée</translation>
    </message>
    <message>
        <source>Computing an importance matrix needs a text: choose one in the Evaluate panel</source>
        <translation>Le calcul d’une matrice d’importance demande un texte : choisissez-en un dans le panneau Évaluer</translation>
    </message>
    <message>
        <source>Computing the importance matrix…</source>
        <translation>Calcul de la matrice d’importance…</translation>
    </message>
    <message>
        <source>Computing the importance matrix failed: %1</source>
        <translation>Échec du calcul de la matrice d’importance : %1</translation>
    </message>
    <message>
        <source>Computing the importance matrix was cancelled</source>
        <translation>Calcul de la matrice d’importance annulé</translation>
    </message>
</context>
<context>
    <name>qx::ui::SensitivityBox</name>
    <message>
        <source>Type each tensor is quantized to on its own (llama-quantize&apos;s fallback where its rows do not fit)</source>
        <translation>Type dans lequel chaque tenseur est quantifié seul (type de repli de llama-quantize là où ses lignes ne conviennent pas)</translation>
    </message>
    <message>
        <source>Measure Sensitivity</source>
        <translation>Mesurer la sensibilité</translation>
    </message>
    <message>
        <source>Enable-one KLD: each tensor quantized alone to the chosen type, everything else unquantized; mean KL divergence (nats) of the output against the unquantized model on the first %1 tokens of the evaluation text from Settings. Fills the Sensitivity column.</source>
        <translation>KLD enable-one : chaque tenseur quantifié seul dans le type choisi, tout le reste non quantifié ; divergence KL moyenne (nats) de la sortie par rapport au modèle non quantifié sur les %1 premiers tokens du texte d’évaluation des Paramètres. Remplit la colonne Sensibilité.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Measuring sensitivity… %p%</source>
        <translation>Mesure de la sensibilité… %p%</translation>
    </message>
    <message>
        <source>Use measured KLD in the solver</source>
        <translation>Utiliser la KLD mesurée dans le solveur</translation>
    </message>
    <message>
        <source>Scale each tensor&apos;s predicted loss so that it matches its measured KLD; the budget slider then minimises the predicted KLD in nats</source>
        <translation>Mettre à l’échelle la perte prédite de chaque tenseur pour qu’elle égale sa KLD mesurée ; le curseur de budget minimise alors la KLD prédite en nats</translation>
    </message>
    <message>
        <source>Choose an evaluation text in Settings or on the Evaluate page first.</source>
        <translation>Choisissez d’abord un texte d’évaluation dans les Paramètres ou sur la page Évaluer.</translation>
    </message>
    <message>
        <source>Measuring sensitivity…</source>
        <translation>Mesure de la sensibilité…</translation>
    </message>
    <message>
        <source>Measuring sensitivity was cancelled.</source>
        <translation>La mesure de la sensibilité a été annulée.</translation>
    </message>
    <message>
        <source>Measuring sensitivity failed: %1 (%2)</source>
        <translation>La mesure de la sensibilité a échoué : %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n tensors measured at %1 on “%2”</source>
        <translation>
            <numerusform>%n tenseur mesuré en %1 sur « %2 »</numerusform>
            <numerusform>%n tenseurs mesurés en %1 sur « %2 »</numerusform>
        </translation>
    </message>
    <message>
        <source> · most sensitive: %1 (KLD %2)</source>
        <translation> · le plus sensible : %1 (KLD %2)</translation>
    </message>
    <message>
        <source> · from the cache</source>
        <translation> · depuis le cache</translation>
    </message>
</context>
<context>
    <name>qx::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation>Langue du système (%1)</translation>
    </message>
    <message>
        <source>Automatic (%1)</source>
        <translation>Automatique (%1)</translation>
    </message>
    <message>
        <source>Threads used by the computations; automatic uses every core but one, which stays with the interface</source>
        <translation>Threads utilisés pour les calculs ; automatique utilise tous les cœurs sauf un, laissé à l’interface</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation>&amp;Threads :</translation>
    </message>
    <message>
        <source>Language and threads take effect the next time Quantization Explorer starts.</source>
        <translation>La langue et les threads prennent effet au prochain démarrage de Quantization Explorer.</translation>
    </message>
    <message>
        <source>Plain text the Evaluate panel measures perplexity and KL divergence on</source>
        <translation>Texte brut sur lequel le panneau Évaluer mesure la perplexité et la divergence KL</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> jetons</translation>
    </message>
    <message>
        <source>Tokens per chunk (llama-perplexity -c); the second half of each chunk is scored</source>
        <translation>Jetons par segment (llama-perplexity -c) ; la seconde moitié de chaque segment est notée</translation>
    </message>
    <message>
        <source>all</source>
        <translation>tous</translation>
    </message>
    <message>
        <source>Chunks evaluated (llama-perplexity --chunks); 0 = every whole chunk of the text</source>
        <translation>Segments évalués (llama-perplexity --chunks) ; 0 = tous les segments complets du texte</translation>
    </message>
    <message>
        <source>Evaluation defaults</source>
        <translation>Valeurs par défaut de l’évaluation</translation>
    </message>
    <message>
        <source>Te&amp;xt file:</source>
        <translation>Fichier te&amp;xte :</translation>
    </message>
    <message>
        <source>&amp;Context:</source>
        <translation>&amp;Contexte :</translation>
    </message>
    <message>
        <source>C&amp;hunks:</source>
        <translation>Se&amp;gments :</translation>
    </message>
    <message>
        <source>The Evaluate panel uses these values as soon as you press OK.</source>
        <translation>Le panneau Évaluer utilise ces valeurs dès que vous appuyez sur OK.</translation>
    </message>
    <message>
        <source>Default evaluation text</source>
        <translation>Texte d’évaluation par défaut</translation>
    </message>
    <message>
        <source>Text files (*.txt *.raw);;All files (*)</source>
        <translation>Fichiers texte (*.txt *.raw);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>qx::ui::StartPage</name>
    <message>
        <source>Quantization Explorer</source>
        <translation>Quantization Explorer</translation>
    </message>
    <message>
        <source>Look inside a language model and decide how to quantize it. Open a GGUF file, a safetensors file or Hugging Face folder, or a llama2.c checkpoint — or drop one onto this window.</source>
        <translation>Examinez un modèle de langue et décidez comment le quantifier. Ouvrez un fichier GGUF, un fichier safetensors ou un dossier Hugging Face, ou un checkpoint llama2.c — ou déposez-en un sur cette fenêtre.</translation>
    </message>
    <message>
        <source>Open model file…</source>
        <translation>Ouvrir un fichier de modèle…</translation>
    </message>
    <message>
        <source>A .gguf, .safetensors or llama2.c .bin file (Ctrl+O)</source>
        <translation>Un fichier .gguf, .safetensors ou .bin llama2.c (Ctrl+O)</translation>
    </message>
    <message>
        <source>Open model folder…</source>
        <translation>Ouvrir un dossier de modèle…</translation>
    </message>
    <message>
        <source>A Hugging Face folder with config.json and safetensors files</source>
        <translation>Un dossier Hugging Face avec config.json et des fichiers safetensors</translation>
    </message>
    <message>
        <source>Open demo model</source>
        <translation>Ouvrir le modèle de démonstration</translation>
    </message>
    <message>
        <source>A small built-in model to try the explorer without downloading anything</source>
        <translation>Un petit modèle intégré pour essayer l’explorateur sans rien télécharger</translation>
    </message>
    <message>
        <source>Recent models</source>
        <translation>Modèles récents</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>Vider la liste</translation>
    </message>
    <message>
        <source>Models you open will be listed here.</source>
        <translation>Les modèles que vous ouvrez apparaîtront ici.</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>qx::ui::SymmetricLesson</name>
    <message>
        <source>Below: the tensor&apos;s values (histogram) and the values each grid can represent.</source>
        <translation>Ci-dessous : les valeurs du tenseur (histogramme) et les valeurs que chaque grille peut représenter.</translation>
    </message>
    <message>
        <source>Bits: %1</source>
        <translation>Bits : %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 bits&lt;/b&gt; on the tensor (one scale for the whole tensor): symmetric Δ = %2, SQNR %3 dB; asymmetric Δ = %4, z = %5, SQNR %6 dB.</source>
        <translation>&lt;b&gt;%1 bits&lt;/b&gt; sur le tenseur (une échelle pour tout le tenseur) : symétrique Δ = %2, SQNR %3 dB ; asymétrique Δ = %4, z = %5, SQNR %6 dB.</translation>
    </message>
    <message>
        <source>Tensor values (count per bin)</source>
        <translation>Valeurs du tenseur (nombre par classe)</translation>
    </message>
    <message>
        <source>Symmetric grid</source>
        <translation>Grille symétrique</translation>
    </message>
    <message>
        <source>Asymmetric grid</source>
        <translation>Grille asymétrique</translation>
    </message>
    <message>
        <source>weight value</source>
        <translation>valeur du poids</translation>
    </message>
    <message>
        <source>values per bin</source>
        <translation>valeurs par classe</translation>
    </message>
    <message>
        <source>asym. grid</source>
        <translation>grille asym.</translation>
    </message>
    <message>
        <source>sym. grid</source>
        <translation>grille sym.</translation>
    </message>
    <message>
        <source>Symmetric vs asymmetric</source>
        <translation>Symétrique ou asymétrique</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Symmetric (absmax) vs asymmetric (zero-point)&lt;/h2&gt;&lt;p&gt;Both map real numbers onto integer codes with one step Δ. &lt;b&gt;Symmetric&lt;/b&gt; quantization centres the codes on 0 (range ±absmax), &lt;b&gt;asymmetric&lt;/b&gt; quantization maps the range [min, max] onto them with a zero point z. The worked example below uses this tensor&apos;s own numbers.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Symétrique (absmax) ou asymétrique (point zéro)&lt;/h2&gt;&lt;p&gt;Les deux associent des nombres réels à des codes entiers avec un pas Δ. La quantification &lt;b&gt;symétrique&lt;/b&gt; centre les codes sur 0 (plage ±absmax), la quantification &lt;b&gt;asymétrique&lt;/b&gt; fait correspondre la plage [min, max] aux codes avec un point zéro z. L&apos;exemple ci-dessous utilise les nombres propres de ce tenseur.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Symmetric:&lt;/b&gt; this tensor&apos;s absmax is %1, so with 8 bits Δ = %1 / 127 = %2. Two of its weights, %3 and %4, both become round(x / Δ) = &lt;b&gt;%5&lt;/b&gt; and come back as %6: the difference between them is lost.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Symétrique :&lt;/b&gt; l&apos;absmax de ce tenseur vaut %1, donc sur 8 bits Δ = %1 / 127 = %2. Deux de ses poids, %3 et %4, deviennent tous deux round(x / Δ) = &lt;b&gt;%5&lt;/b&gt; et reviennent en %6 : leur différence est perdue.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Symmetric:&lt;/b&gt; this tensor&apos;s absmax is %1, so with 8 bits Δ = %1 / 127 = %2. It has so few distinct values that each keeps a code of its own.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Symétrique :&lt;/b&gt; l&apos;absmax de ce tenseur vaut %1, donc sur 8 bits Δ = %1 / 127 = %2. Il a si peu de valeurs distinctes que chacune garde son propre code.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Asymmetric:&lt;/b&gt; its range [min, max] = [%1, %2] is mapped onto the codes 0…255: Δ = (%2 − %1) / 255 = %3 and the zero point z = round(−min / Δ) = &lt;b&gt;%4&lt;/b&gt; (%5 in the signed form code − 128). %1 → %6, 0 → %7, %8 → %9, %2 → %10. 0 is exact, and when the range is lopsided no code is wasted on the empty side of zero.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Asymétrique :&lt;/b&gt; sa plage [min, max] = [%1, %2] est associée aux codes 0…255 : Δ = (%2 − %1) / 255 = %3 et le point zéro z = round(−min / Δ) = &lt;b&gt;%4&lt;/b&gt; (%5 sous la forme signée code − 128). %1 → %6, 0 → %7, %8 → %9, %2 → %10. 0 est exact, et quand la plage est déséquilibrée aucun code n&apos;est perdu du côté vide de zéro.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>qx::ui::TensorPane</name>
    <message>
        <source>Filter tensors by name (regular expression, e.g. attn_(q|k))</source>
        <translation>Filtrer les tenseurs par nom (expression régulière, p. ex. attn_(q|k))</translation>
    </message>
    <message>
        <source>Shows the tensors whose name matches, with their layer (Ctrl+F)</source>
        <translation>Affiche les tenseurs dont le nom correspond, avec leur couche (Ctrl+F)</translation>
    </message>
    <message>
        <source>Open in Learn lab</source>
        <translation>Ouvrir dans le laboratoire</translation>
    </message>
    <message>
        <source>Invalid regular expression</source>
        <translation>Expression régulière non valide</translation>
    </message>
    <message>
        <source>%1 of %2 tensors</source>
        <translation>%1 tenseurs sur %2</translation>
    </message>
</context>
<context>
    <name>qx::ui::TensorTreeModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Tensor name (GGUF spelling)</source>
        <translation>Nom du tenseur (graphie GGUF)</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>Forme</translation>
    </message>
    <message>
        <source>Dimensions, row length first (ggml order)</source>
        <translation>Dimensions, longueur de ligne d’abord (ordre ggml)</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Number of weights</source>
        <translation>Nombre de poids</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Bytes the tensor occupies in the file</source>
        <translation>Octets occupés par le tenseur dans le fichier</translation>
    </message>
    <message>
        <source>Bits/weight</source>
        <translation>Bits/poids</translation>
    </message>
    <message>
        <source>Storage bits per weight, block scales included</source>
        <translation>Bits de stockage par poids, échelles de bloc comprises</translation>
    </message>
    <message>
        <source>mixed</source>
        <translation>mixte</translation>
    </message>
    <message>
        <source>Tensors outside the layers: embeddings, output head, final norm</source>
        <translation>Tenseurs hors des couches : embeddings, tête de sortie, normalisation finale</translation>
    </message>
    <message>
        <source>Transformer layer %1</source>
        <translation>Couche transformer %1</translation>
    </message>
    <message>
        <source>global</source>
        <translation>global</translation>
    </message>
    <message>
        <source>%1
Offset %2 in %3</source>
        <translation>%1
Décalage %2 dans %3</translation>
    </message>
    <message>
        <source>Stored as %1</source>
        <translation>Stocké sous %1</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>Stocké</translation>
    </message>
    <message>
        <source>Element type stored in the file</source>
        <translation>Type d’élément stocké dans le fichier</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Épinglé</translation>
    </message>
    <message>
        <source>Pinned tensors keep their planned format when a preset or the budget solver re-plans</source>
        <translation>Les tenseurs épinglés gardent leur format planifié lorsqu’un préréglage ou le solveur de budget replanifie</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Format the plan gives the tensor (grey: kept as stored)</source>
        <translation>Format que le plan donne au tenseur (gris : conservé tel que stocké)</translation>
    </message>
    <message>
        <source>Plan bits</source>
        <translation>Bits du plan</translation>
    </message>
    <message>
        <source>Bits per weight of the planned format, block scales included</source>
        <translation>Bits par poids du format planifié, échelles de bloc comprises</translation>
    </message>
    <message>
        <source>Plan size</source>
        <translation>Taille du plan</translation>
    </message>
    <message>
        <source>Exact bytes of the tensor in the planned format</source>
        <translation>Octets exacts du tenseur dans le format planifié</translation>
    </message>
    <message>
        <source>SQNR dB</source>
        <translation>SQNR dB</translation>
    </message>
    <message>
        <source>Signal-to-quantization-noise ratio of the planned format in dB (higher is better; ∞ = kept as stored), computed in the background</source>
        <translation>Rapport signal sur bruit de quantification du format planifié en dB (plus haut est meilleur ; ∞ = conservé tel que stocké), calculé en arrière-plan</translation>
    </message>
    <message>
        <source>Rel. error</source>
        <translation>Erreur rel.</translation>
    </message>
    <message>
        <source>Relative error ‖w − q(w)‖ / ‖w‖ of the planned format</source>
        <translation>Erreur relative ‖w − q(w)‖ / ‖w‖ du format planifié</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Why the plan chose this format (preset rule, layer, fallback, solver, by hand)</source>
        <translation>Pourquoi le plan a choisi ce format (règle du préréglage, couche, repli, solveur, à la main)</translation>
    </message>
    <message>
        <source>%1 pinned tensors</source>
        <translation>%1 tenseurs épinglés</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 octets</translation>
    </message>
    <message>
        <source>Pinned: presets and the solver keep this format</source>
        <translation>Épinglé : les préréglages et le solveur conservent ce format</translation>
    </message>
    <message>
        <source>Not pinned</source>
        <translation>Non épinglé</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Being computed in the background</source>
        <translation>Calcul en arrière-plan</translation>
    </message>
    <message>
        <source>The planned format cannot hold this tensor</source>
        <translation>Le format planifié ne peut pas contenir ce tenseur</translation>
    </message>
    <message>
        <source>Kept as stored: no error</source>
        <translation>Conservé tel que stocké : aucune erreur</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>n. d.</translation>
    </message>
    <message>
        <source>KLD</source>
        <translation>KLD</translation>
    </message>
    <message>
        <source>Sensitivity: the measured KL divergence (nats) when only this tensor is quantized; empty until measured (Plan › Measure Sensitivity)</source>
        <translation>Sensibilité : la divergence KL mesurée (nats) quand seul ce tenseur est quantifié ; vide tant qu&apos;elle n&apos;est pas mesurée (Plan › Mesurer la sensibilité)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Error of the calibrated %1 weights (AWQ: against its scaled weights; SmoothQuant: with the folded scales taken out)</source>
        <translation>Erreur des poids calibrés %1 (AWQ : par rapport à ses poids mis à l&apos;échelle ; SmoothQuant : échelles intégrées retirées)</translation>
    </message>
</context>
<context>
    <name>qx::ui::TensorViews</name>
    <message>
        <source>Candidate format: the tensor is quantized to it and dequantized again</source>
        <translation>Format candidat : le tenseur y est quantifié puis déquantifié</translation>
    </message>
    <message>
        <source>Candidate format:</source>
        <translation>Format candidat :</translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation>Distribution</translation>
    </message>
    <message>
        <source>Outliers</source>
        <translation>Valeurs aberrantes</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Export PNG/SVG…</source>
        <translation>Exporter en PNG/SVG…</translation>
    </message>
    <message>
        <source>Save the current tab as a PNG picture or an SVG vector drawing (chosen by the file type)</source>
        <translation>Enregistrer l’onglet actuel comme image PNG ou dessin vectoriel SVG (selon le type de fichier)</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Calcul en cours…</translation>
    </message>
    <message>
        <source>Analysing %1</source>
        <translation>Analyse de %1</translation>
    </message>
    <message>
        <source>Cannot analyse with this format: %1</source>
        <translation>Analyse impossible avec ce format : %1</translation>
    </message>
    <message>
        <source>%1 as %2: SQNR %3 dB, relative error %4, RMSE %5, max |error| %6, cosine %7</source>
        <translation>%1 en %2 : SQNR %3 dB, erreur relative %4, RMSE %5, |erreur| max. %6, cosinus %7</translation>
    </message>
    <message>
        <source>SQNR: 10·log10(Σw² / Σe²), higher is better. Relative error: ‖e‖ / ‖w‖. RMSE: root mean square of e = dequantized − original.</source>
        <translation>SQNR : 10·log10(Σw² / Σe²), plus élevé est meilleur. Erreur relative : ‖e‖ / ‖w‖. RMSE : moyenne quadratique de e = déquantifié − original.</translation>
    </message>
    <message>
        <source>Select a tensor to see its distribution and quantization error.</source>
        <translation>Sélectionnez un tenseur pour voir sa distribution et son erreur de quantification.</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Valeurs</translation>
    </message>
    <message>
        <source>Preview of %1</source>
        <translation>Aperçu de %1</translation>
    </message>
    <message>
        <source>Statistics of %1</source>
        <translation>Statistiques de %1</translation>
    </message>
    <message>
        <source>Cannot read this tensor: %1</source>
        <translation>Impossible de lire ce tenseur : %1</translation>
    </message>
    <message>
        <source>Computing the round trip…</source>
        <translation>Calcul de l&apos;aller-retour…</translation>
    </message>
    <message>
        <source>count</source>
        <translation>effectif</translation>
    </message>
    <message>
        <source>Error histogram (dequantized − original)</source>
        <translation>Histogramme de l’erreur (déquantifié − original)</translation>
    </message>
    <message>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <source>error (weight units)</source>
        <translation>erreur (unités de poids)</translation>
    </message>
    <message>
        <source>SQNR per row</source>
        <translation>SQNR par ligne</translation>
    </message>
    <message>
        <source>SQNR (dB)</source>
        <translation>SQNR (dB)</translation>
    </message>
    <message>
        <source>row (output channel)</source>
        <translation>ligne (canal de sortie)</translation>
    </message>
</context>
<context>
    <name>qx::ui::TextFitText</name>
    <message>
        <source>%1 % of its tokens are unknown or byte-fallback tokens (the vocabulary does not cover it)</source>
        <translation>%1 % de ses tokens sont inconnus ou des tokens de repli sur octets (le vocabulaire ne le couvre pas)</translation>
    </message>
    <message>
        <source>the unquantized model&apos;s perplexity (%1) is %2 times its vocabulary size (%3): it predicts this text no better than guessing</source>
        <translation>la perplexité du modèle non quantifié (%1) vaut %2 fois la taille de son vocabulaire (%3) : il ne prédit pas mieux ce texte qu&apos;au hasard</translation>
    </message>
    <message>
        <source>This text does not fit this model: %1.</source>
        <translation>Ce texte ne convient pas à ce modèle : %1.</translation>
    </message>
    <message>
        <source>text does not fit</source>
        <translation>texte inadapté</translation>
    </message>
</context>
<context>
    <name>qx::ui::TradeoffView</name>
    <message>
        <source>File size (MiB)</source>
        <translation>Taille du fichier (Mio)</translation>
    </message>
    <message>
        <source>Bits per weight</source>
        <translation>Bits par poids</translation>
    </message>
    <message>
        <source>Perplexity</source>
        <translation>Perplexité</translation>
    </message>
    <message>
        <source>Mean KLD</source>
        <translation>KLD moyenne</translation>
    </message>
    <message>
        <source>What the plan costs</source>
        <translation>Ce que coûte le plan</translation>
    </message>
    <message>
        <source>What the plan loses: perplexity on the text, or mean KL divergence from the F32 model</source>
        <translation>Ce que perd le plan : perplexité sur le texte, ou divergence KL moyenne par rapport au modèle F32</translation>
    </message>
    <message>
        <source>Export PNG/SVG…</source>
        <translation>Exporter en PNG/SVG…</translation>
    </message>
    <message>
        <source>Save the chart as a PNG picture or an SVG vector drawing (chosen by the file type)</source>
        <translation>Enregistrer le graphique comme image PNG ou dessin vectoriel SVG (selon le type de fichier)</translation>
    </message>
    <message>
        <source>x:</source>
        <translation>x :</translation>
    </message>
    <message>
        <source>y:</source>
        <translation>y :</translation>
    </message>
    <message>
        <source>Size against quality of every evaluated plan</source>
        <translation>Taille contre qualité de chaque plan évalué</translation>
    </message>
    <message>
        <source>No evaluations yet: use Evaluate or Evaluate presets</source>
        <translation>Aucune évaluation : utilisez « Évaluer » ou « Évaluer les préréglages »</translation>
    </message>
    <message>
        <source>The numbers beside the points; click a row to load its plan</source>
        <translation>Les numéros à côté des points ; cliquez sur une ligne pour charger son plan</translation>
    </message>
    <message>
        <source>Click a point or a row to load its plan.</source>
        <translation>Cliquez sur un point ou une ligne pour charger son plan.</translation>
    </message>
    <message>
        <source>%1. %2
%3 file, %4 bits/weight
PPL %5 ± %6 (F32 %7)
mean KLD %8, same top token %9 %
Click to load this plan</source>
        <translation>%1. %2
fichier de %3, %4 bits/poids
PPL %5 ± %6 (F32 %7)
KLD moyenne %8, même jeton de tête %9 %
Cliquez pour charger ce plan</translation>
    </message>
    <message>
        <source>llama.cpp preset</source>
        <translation>préréglage llama.cpp</translation>
    </message>
    <message>
        <source>other plan</source>
        <translation>autre plan</translation>
    </message>
    <message>
        <source>preset on the Pareto front</source>
        <translation>préréglage sur le front de Pareto</translation>
    </message>
    <message>
        <source>other plan on the Pareto front</source>
        <translation>autre plan sur le front de Pareto</translation>
    </message>
    <message>
        <source>Pareto front: nothing is both smaller and better</source>
        <translation>Front de Pareto : rien n&apos;est à la fois plus petit et meilleur</translation>
    </message>
    <message>
        <source>#</source>
        <translation>n°</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Exécution</translation>
    </message>
</context>
<context>
    <name>qx::ui::UniformSchemeEditor</name>
    <message>
        <source>Bits:</source>
        <translation>Bits :</translation>
    </message>
    <message>
        <source>Granularity:</source>
        <translation>Granularité :</translation>
    </message>
    <message>
        <source>Group size:</source>
        <translation>Taille de groupe :</translation>
    </message>
    <message>
        <source>Symmetry:</source>
        <translation>Symétrie :</translation>
    </message>
    <message>
        <source>Scale:</source>
        <translation>Échelle :</translation>
    </message>
    <message>
        <source>Clipping:</source>
        <translation>Écrêtage :</translation>
    </message>
    <message>
        <source>Percentile:</source>
        <translation>Percentile :</translation>
    </message>
    <message>
        <source> bits</source>
        <translation> bits</translation>
    </message>
    <message>
        <source>Bits per code: 2^b levels</source>
        <translation>Bits par code : 2^b niveaux</translation>
    </message>
    <message>
        <source>Values that share one scale: the whole tensor, one row, or G consecutive values of a row</source>
        <translation>Valeurs partageant une échelle : tout le tenseur, une ligne ou G valeurs consécutives d’une ligne</translation>
    </message>
    <message>
        <source>per tensor</source>
        <translation>par tenseur</translation>
    </message>
    <message>
        <source>per channel (row)</source>
        <translation>par canal (ligne)</translation>
    </message>
    <message>
        <source>per group</source>
        <translation>par groupe</translation>
    </message>
    <message>
        <source>Values per group (per group only); the row length must be a multiple of it</source>
        <translation>Valeurs par groupe (par groupe uniquement) ; la longueur de ligne doit en être un multiple</translation>
    </message>
    <message>
        <source>Symmetric: codes ±(2^(b-1)-1) (restricted) or -2^(b-1)…2^(b-1)-1 (full range) around zero; asymmetric: codes 0…2^b-1 with a zero point per group</source>
        <translation>Symétrique : codes ±(2^(b-1)-1) (restreint) ou -2^(b-1)…2^(b-1)-1 (plage complète) autour de zéro ; asymétrique : codes 0…2^b-1 avec un point zéro par groupe</translation>
    </message>
    <message>
        <source>sym. restricted</source>
        <translation>sym. restreint</translation>
    </message>
    <message>
        <source>sym. full range</source>
        <translation>sym. plage complète</translation>
    </message>
    <message>
        <source>asymmetric</source>
        <translation>asymétrique</translation>
    </message>
    <message>
        <source>How each group&apos;s step is stored: F32 (4 bytes) or F16 (2 bytes, rounded)</source>
        <translation>Stockage du pas de chaque groupe : F32 (4 octets) ou F16 (2 octets, arrondi)</translation>
    </message>
    <message>
        <source>F32</source>
        <translation>F32</translation>
    </message>
    <message>
        <source>F16</source>
        <translation>F16</translation>
    </message>
    <message>
        <source>How each group&apos;s range is chosen: its absolute maximum, a percentile of |w|, the ratio with the least squared error, or TensorRT&apos;s KL-divergence threshold</source>
        <translation>Choix de la plage de chaque groupe : son maximum absolu, un percentile de |w|, le rapport à plus faible erreur quadratique ou le seuil de divergence KL de TensorRT</translation>
    </message>
    <message>
        <source>absmax</source>
        <translation>absmax</translation>
    </message>
    <message>
        <source>percentile</source>
        <translation>percentile</translation>
    </message>
    <message>
        <source>MSE search</source>
        <translation>recherche MSE</translation>
    </message>
    <message>
        <source>KL divergence</source>
        <translation>divergence KL</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Percentile of |w| (symmetric) or of w at both ends (asymmetric) kept unclipped</source>
        <translation>Percentile de |w| (symétrique) ou de w aux deux extrémités (asymétrique) conservé sans écrêtage</translation>
    </message>
</context>
<context>
    <name>qx::ui::ValuesModel</name>
    <message>
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Différence</translation>
    </message>
    <message>
        <source>Quantized to %1 and dequantized again</source>
        <translation>Quantifié en %1 puis déquantifié</translation>
    </message>
    <message>
        <source>Quantized</source>
        <translation>Quantifié</translation>
    </message>
</context>
<context>
    <name>qx::ui::ValuesView</name>
    <message>
        <source>Tensor row (output channel) the window starts in</source>
        <translation>Ligne du tenseur (canal de sortie) où commence la fenêtre</translation>
    </message>
    <message>
        <source>Position within the row (input channel) of the first value</source>
        <translation>Position de la première valeur dans la ligne (canal d&apos;entrée)</translation>
    </message>
    <message>
        <source>Number of values listed (the window may run on into the next rows)</source>
        <translation>Nombre de valeurs listées (la fenêtre peut se poursuivre sur les lignes suivantes)</translation>
    </message>
    <message>
        <source>Difference = quantized − original; right click to export as CSV</source>
        <translation>Différence = quantifié − original ; clic droit pour exporter en CSV</translation>
    </message>
    <message>
        <source>Only the rows on screen are decoded and quantized.</source>
        <translation>Seules les lignes affichées sont décodées et quantifiées.</translation>
    </message>
    <message>
        <source>Row:</source>
        <translation>Ligne :</translation>
    </message>
    <message>
        <source>Offset:</source>
        <translation>Décalage :</translation>
    </message>
    <message>
        <source>Count:</source>
        <translation>Nombre :</translation>
    </message>
</context>
<context>
    <name>qx::ui::ZoomChartView</name>
    <message>
        <source>Drag to zoom in, wheel to zoom, middle button or Shift+drag to pan, right click to zoom out</source>
        <translation>Glisser pour agrandir, molette pour zoomer, bouton du milieu ou Maj+glisser pour déplacer, clic droit pour réduire</translation>
    </message>
</context>
</TS>
