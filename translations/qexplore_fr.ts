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
        <source>About Quantization Explorer</source>
        <translation>À propos de Quantization Explorer</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Quantization Explorer %1&lt;/h3&gt;&lt;p&gt;Look inside language model files (GGUF, safetensors, llama2.c) and decide how to quantize them.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Quantization Explorer %1&lt;/h3&gt;&lt;p&gt;Examiner des fichiers de modèles de langue (GGUF, safetensors, llama2.c) et décider comment les quantifier.&lt;/p&gt;</translation>
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
        <source>%1%2[*] — Quantization Explorer</source>
        <translation>%1%2[*] — Quantization Explorer</translation>
    </message>
</context>
<context>
    <name>qx::ui::JobRunner</name>
    <message>
        <source>unknown exception</source>
        <translation>exception inconnue</translation>
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
        <source>Quantize and dequantize every layer tensor with the candidate format</source>
        <translation>Quantifier puis déquantifier chaque tenseur de couche avec le format candidat</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Candidate format:</source>
        <translation>Format candidat :</translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation>Mesure :</translation>
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
</context>
<context>
    <name>qx::ui::ModelLoader</name>
    <message>
        <source>Opening %1…</source>
        <translation>Ouverture de %1…</translation>
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
        <source>Threads used by the computations; automatic uses every core</source>
        <translation>Threads utilisés pour les calculs ; automatique utilise tous les cœurs</translation>
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
        <source>Changes take effect the next time Quantization Explorer starts.</source>
        <translation>Les modifications prendront effet au prochain démarrage de Quantization Explorer.</translation>
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
        <source>Sensitivity</source>
        <translation>Sensibilité</translation>
    </message>
    <message>
        <source>Measured KL divergence (nats) when only this tensor is quantized; empty until measured</source>
        <translation>Divergence KL mesurée (nats) lorsque seul ce tenseur est quantifié ; vide tant qu’elle n’est pas mesurée</translation>
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
</context>
<context>
    <name>qx::ui::TensorViews</name>
    <message>
        <source>Candidate format: the tensor is quantized to it and dequantized again</source>
        <translation>Format candidat : le tenseur y est quantifié puis déquantifié</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>Échelle logarithmique</translation>
    </message>
    <message>
        <source>Logarithmic count axis (shows the sparse tails)</source>
        <translation>Axe des effectifs logarithmique (montre les queues clairsemées)</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>Exporter en PNG…</translation>
    </message>
    <message>
        <source>Save the chart as a PNG picture (SVG needs Qt SVG, not installed)</source>
        <translation>Enregistrer le graphique en image PNG (le SVG demande Qt SVG, non installé)</translation>
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
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Exporter le graphique</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
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
        <source>Weight distribution of %1</source>
        <translation>Distribution des poids de %1</translation>
    </message>
    <message>
        <source>original</source>
        <translation>original</translation>
    </message>
    <message>
        <source>after %1 round trip</source>
        <translation>après aller-retour %1</translation>
    </message>
    <message>
        <source>weight value</source>
        <translation>valeur du poids</translation>
    </message>
    <message>
        <source>count (log scale)</source>
        <translation>effectif (échelle log.)</translation>
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
</context>
<context>
    <name>qx::ui::SchemePanel</name>
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
        <source>%1 — %2 bits/weight (not in GGUF)</source>
        <translation>%1 — %2 bits/poids (pas en GGUF)</translation>
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
        <source>Zero point:</source>
        <translation>Point zéro :</translation>
    </message>
    <message>
        <source>Clipping:</source>
        <translation>Écrêtage :</translation>
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
        <source>%1, blocks of %2 values</source>
        <translation>%1, blocs de %2 valeurs</translation>
    </message>
    <message>
        <source>%1 — not exportable to GGUF — nearest: %2. The error columns show this scheme; sizes and the file count %2.</source>
        <translation>%1 — non exportable en GGUF — le plus proche : %2. Les colonnes d’erreur montrent ce schéma ; les tailles et le fichier comptent %2.</translation>
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
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>asymmetric (zero point per group)</source>
        <translation>asymétrique (point zéro par groupe)</translation>
    </message>
    <message>
        <source>symmetric</source>
        <translation>symétrique</translation>
    </message>
    <message>
        <source>none (absmax)</source>
        <translation>aucun (absmax)</translation>
    </message>
    <message>
        <source>percentile %1</source>
        <translation>percentile %1</translation>
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
        <source>Apply to %1 Selected</source>
        <translation>Appliquer aux %1 sélectionnés</translation>
    </message>
    <message>
        <source>%1 tensors changed</source>
        <translation>%1 tenseurs modifiés</translation>
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
        <source>Move the slider to let the solver choose every unpinned tensor&apos;s format.</source>
        <translation>Déplacez le curseur pour que le solveur choisisse le format de chaque tenseur non épinglé.</translation>
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
        <source>Predicted loss %1 (importance-weighted squared round-trip error, lower is better) · %2 of tensor data%3</source>
        <translation>Perte prédite %1 (erreur quadratique aller-retour pondérée par l’importance, plus bas est meilleur) · %2 de données de tenseurs%3</translation>
    </message>
    <message>
        <source> · the budget cannot be met</source>
        <translation> · le budget ne peut pas être tenu</translation>
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
</TS>
