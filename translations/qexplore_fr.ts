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
        <source>%1 — Quantization Explorer</source>
        <translation>%1 — Quantization Explorer</translation>
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
        <source>Stored type</source>
        <translation>Type stocké</translation>
    </message>
    <message>
        <source>Element type in the file</source>
        <translation>Type des éléments dans le fichier</translation>
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
</TS>
