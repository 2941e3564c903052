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
        <source>Save chart as PNG…</source>
        <translation>Enregistrer le graphique en PNG…</translation>
    </message>
    <message>
        <source>PNG only: SVG export needs the Qt SVG module, which is not installed</source>
        <translation>PNG uniquement : l&apos;export SVG nécessite le module Qt SVG, qui n&apos;est pas installé</translation>
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
        <source>A model file or folder to open.</source>
        <translation>Un fichier ou dossier de modèle à ouvrir.</translation>
    </message>
    <message>
        <source>Quantization Explorer</source>
        <translation>Quantization Explorer</translation>
    </message>
    <message>
        <source>Open the built-in demo model.</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>Learn</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::ui::BitLayoutView</name>
    <message>
        <source>Format</source>
        <translation type="unfinished">Format</translation>
    </message>
    <message>
        <source>Stored bits (sign | exponent | mantissa)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decoded value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rounding error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::ui::BitNetLesson</name>
    <message>
        <source>&lt;h2&gt;BitNet b1.58&lt;/h2&gt;&lt;p&gt;Every weight becomes −1, 0 or +1 times one scale γ, the mean absolute value of the tensor (&lt;b&gt;absmean&lt;/b&gt;): q = clamp(round(x / γ), −1, 1). Three states carry log&lt;sub&gt;2&lt;/sub&gt; 3 ≈ 1.58 bits. BitNet trains with this rule from the start; applied after training, as here, it shows how much information the weights lose.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Multiplications become additions&lt;/h3&gt;&lt;p&gt;With ternary weights, w·x needs no multiplication per weight: add x where q = +1, subtract it where q = −1, skip it where q = 0, and multiply the sum by γ once.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>γ = %1. Codes: −1 for %2 %, 0 for %3 %, +1 for %4 % of the weights. SQNR %5 dB.&lt;br&gt;Size of these %6 weights: FP16 %7; ideal ternary %8 (1.58 bits); llama.cpp TQ1_0 %9, TQ2_0 %10 (whole 256-weight blocks).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row 0 of the tensor times a sample activation vector of %1 values: %2 additions, %3 subtractions, %4 skipped zeros and one multiplication by γ give %5; the full-precision weights give %6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weights (count per bin)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ternary levels −γ, 0, +γ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rounding thresholds ±(γ + ε)/2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weight value</source>
        <translation type="unfinished">valeur du poids</translation>
    </message>
    <message>
        <source>weights per bin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BitNet b1.58 (ternary)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::ui::ClippingLesson</name>
    <message>
        <source>&lt;h2&gt;Clipping and calibration&lt;/h2&gt;&lt;p&gt;Absmax scaling lets the single largest value decide the step Δ. One outlier therefore stretches the grid, and the bulk of the weights share a handful of levels. &lt;b&gt;Clipping&lt;/b&gt; the range to c &amp;lt; absmax saturates the few outliers but gives every other weight a finer grid. Calibration picks c: a &lt;b&gt;percentile&lt;/b&gt; of |x|, the c with the lowest &lt;b&gt;MSE&lt;/b&gt;, or the c whose histogram loses the least information (&lt;b&gt;KL divergence&lt;/b&gt;, TensorRT&apos;s entropy calibration).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bits:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;One outlier, %1 bits, one scale per tensor.&lt;/b&gt; As it is: Δ = %2, the weights use %3 levels, SQNR %4 dB. Add a single value 10 × absmax: Δ = %5, the same weights now use %6 levels, SQNR %7 dB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MSE at clip ratio c / absmax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Percentile %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MSE search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KL divergence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clip ratio c / absmax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MSE (weight units²)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;table cellpadding=3&gt;&lt;tr&gt;&lt;th align=left&gt;Calibration&lt;/th&gt;&lt;th&gt;c / absmax&lt;/th&gt;&lt;th&gt;MSE&lt;/th&gt;&lt;th&gt;SQNR (dB)&lt;/th&gt;&lt;/tr&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clipping and calibration</source>
        <translation type="unfinished"></translation>
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
</context>
<context>
    <name>qx::ui::GranularityLesson</name>
    <message>
        <source>&lt;h2&gt;Granularity&lt;/h2&gt;&lt;p&gt;Each group of weights that shares one scale pays for its scale (here an FP16 number, 16 bits). One scale for the whole &lt;b&gt;tensor&lt;/b&gt; is nearly free but lets the largest weight anywhere set the step for all. One scale per &lt;b&gt;channel&lt;/b&gt; (row) adapts to each row; one per &lt;b&gt;group&lt;/b&gt; of 32–128 consecutive weights adapts further, at 16/G extra bits per weight.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bits per code (symmetric):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQNR (dB)</source>
        <translation type="unfinished">SQNR (dB)</translation>
    </message>
    <message>
        <source>Bits per weight</source>
        <translation type="unfinished">Bits par poids</translation>
    </message>
    <message>
        <source>of which scales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished">Taille</translation>
    </message>
    <message>
        <source>per tensor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per group of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQNR (dB), higher is better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n/a (row of %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Granularity</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::ui::HeatmapWidget</name>
    <message>
        <source>Largest |w| in each cell of the down-sampled tensor; bright cells hold outliers</source>
        <translation>Plus grand |w| de chaque cellule du tenseur sous-échantillonné ; les cellules claires contiennent des valeurs aberrantes</translation>
    </message>
    <message>
        <source>No heatmap yet</source>
        <translation>Pas encore de carte thermique</translation>
    </message>
    <message>
        <source>max |w| per cell of %1 × %2 values</source>
        <translation>max |w| par cellule de %1 × %2 valeurs</translation>
    </message>
    <message>
        <source>column (input channel)</source>
        <translation>colonne (canal d&apos;entrée)</translation>
    </message>
    <message>
        <source>row (output channel)</source>
        <translation>ligne (canal de sortie)</translation>
    </message>
    <message>
        <source>|w|</source>
        <translation>|w|</translation>
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
    <name>qx::ui::KQuantsLesson</name>
    <message>
        <source>&lt;h2&gt;GGUF k-quants anatomy&lt;/h2&gt;&lt;p&gt;A &lt;b&gt;Q4_K&lt;/b&gt; super-block holds 256 weights in 144 bytes: an FP16 scale &lt;b&gt;d&lt;/b&gt; and an FP16 &lt;b&gt;dmin&lt;/b&gt;, twelve bytes packing eight 6-bit sub-block scales and eight 6-bit mins, and 128 bytes of 4-bit codes. Weight i of sub-block j (32 weights) is d·scale&lt;sub&gt;j&lt;/sub&gt;·q − dmin·min&lt;sub&gt;j&lt;/sub&gt;. The sub-block scales are themselves quantized against d: that is the saving — %1 bits per weight, where storing an FP16 scale and min for every 32 weights (Q4_1) costs %2. &lt;b&gt;Q6_K&lt;/b&gt; uses 6-bit codes, sixteen 8-bit scales and one FP16 d: %3 bits per weight.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Super-block (256 consecutive weights):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6-bit scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6-bit min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d · scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dmin · min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>codes used (0–15)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Q4_K header:&lt;/b&gt; d = 0x%1 = %2, dmin = 0x%3 = %4. Reconstruction SQNR %5 dB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 … %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sub-block 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sub-block 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sub-block 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sub-block 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sub-block 4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sub-block 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sub-block 6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sub-block 7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Bytes 4–15&lt;/b&gt; (scales and mins; sub-blocks 4–7 borrow the top two bits of bytes 4–11): &lt;tt&gt;%1&lt;/tt&gt;&lt;br&gt;&lt;b&gt;Bytes 16–31&lt;/b&gt; (first codes; low nibble = weight i, high nibble = weight i + 32): &lt;tt&gt;%2&lt;/tt&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Q6_K of the same weights:&lt;/b&gt; d = %1, sixteen 8-bit scales (one per 16 weights): %2. Codes −32…31. Reconstruction SQNR %3 dB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>original</source>
        <translation type="unfinished">original</translation>
    </message>
    <message>
        <source>Q4_K reconstruction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Q6_K reconstruction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weight index (sub-blocks 0 and 1 of the super-block)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weight value</source>
        <translation type="unfinished">valeur du poids</translation>
    </message>
    <message>
        <source>GGUF k-quants anatomy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::ui::LayerTableModel</name>
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
    <message>
        <source>All classes</source>
        <translation>Toutes les classes</translation>
    </message>
    <message>
        <source>Tensor class drawn in the chart</source>
        <translation>Classe de tenseur tracée dans le graphique</translation>
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
        <source>Export PNG…</source>
        <translation>Exporter en PNG…</translation>
    </message>
    <message>
        <source>Save the chart as a PNG picture (PNG only: SVG needs Qt SVG, not installed)</source>
        <translation>Enregistrer le graphique en image PNG (PNG uniquement : le SVG nécessite Qt SVG, non installé)</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Graphique</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tableau</translation>
    </message>
</context>
<context>
    <name>qx::ui::LearnLab</name>
    <message>
        <source>Tensor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in sample (no model loaded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lessons use a built-in deterministic heavy-tailed sample.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lessons use the model&apos;s own weights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the tensor (%1); using the built-in sample.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::ui::Lesson</name>
    <message>
        <source>No model loaded: using a built-in deterministic heavy-tailed sample (%1 values).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tensor &lt;b&gt;%1&lt;/b&gt;: %2 rows × %3 values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(first %1 of %2 rows)</source>
        <translation type="unfinished"></translation>
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
    <name>qx::ui::Nf4Lesson</name>
    <message>
        <source>&lt;h2&gt;NF4 and double quantization&lt;/h2&gt;&lt;p&gt;Trained weights are roughly normally distributed: most sit near zero. &lt;b&gt;NF4&lt;/b&gt; (QLoRA) places its 16 levels at quantiles of a normal distribution, dense near zero and sparse in the tails, instead of evenly. Each block of 64 weights is divided by its absmax (an FP32 number: 32/64 = 0.5 bits per weight). &lt;b&gt;Double quantization&lt;/b&gt; stores those absmax values themselves in 8 bits, with one FP32 scale per 256 of them.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;table cellpadding=3&gt;&lt;tr&gt;&lt;th align=left&gt;Block of 64, 4-bit codes&lt;/th&gt;&lt;th&gt;SQNR (dB)&lt;/th&gt;&lt;th&gt;Bits per weight&lt;/th&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;uniform INT4 (absmax, FP32 scale)&lt;/td&gt;&lt;td align=right&gt;%1&lt;/td&gt;&lt;td align=right&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;NF4&lt;/td&gt;&lt;td align=right&gt;%3&lt;/td&gt;&lt;td align=right&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;NF4 + double quantization&lt;/td&gt;&lt;td align=right&gt;%4&lt;/td&gt;&lt;td align=right&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;Double quantization saves %6 bits per weight: %7 GB on a 70 B-parameter model.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weights ÷ their block&apos;s absmax (count per bin)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NF4 levels (16)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uniform INT4 levels (15)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value as a fraction of the block&apos;s absmax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weights per bin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>INT4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NF4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NF4 and double quantization</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::ui::NumberFormatsLesson</name>
    <message>
        <source>&lt;h2&gt;Number formats&lt;/h2&gt;&lt;p&gt;A floating-point number stores a &lt;b&gt;sign&lt;/b&gt;, an &lt;b&gt;exponent&lt;/b&gt; (the power of two, i.e. the range) and a &lt;b&gt;mantissa&lt;/b&gt; (the digits, i.e. the precision). Fewer exponent bits shrink the range; fewer mantissa bits widen the gaps between neighbouring values. Integers have no exponent: INT8 and INT4 store a code q, and the value is Δ·q with one scale Δ shared by many weights.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value to store:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…or pick weight number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Range and precision&lt;/h3&gt;&lt;p&gt;The largest value each format holds, the smallest step away from zero, and the gap to the next representable value at the value above: the rounding error is at most half that gap.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished">Format</translation>
    </message>
    <message>
        <source>Largest value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smallest positive value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spacing at this value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Memory calculator&lt;/h3&gt;&lt;p&gt;Weights alone need parameters × bits ÷ 8 bytes (1 GB = 10&lt;sup&gt;9&lt;/sup&gt; bytes).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> billion parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bits per weight</source>
        <translation type="unfinished">Bits par poids</translation>
    </message>
    <message>
        <source>Weights in memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>INT8 and INT4 use symmetric absmax scaling against the tensor&apos;s largest magnitude %1: Δ = %1 / 127 for INT8 and %1 / 7 for INT4. Larger values saturate at ±%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number formats</source>
        <translation type="unfinished"></translation>
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
        <source>%1 (max over groups of %2 channels)</source>
        <translation>%1 (maximum par groupes de %2 canaux)</translation>
    </message>
    <message>
        <source>Per row of %1</source>
        <translation>Par ligne de %1</translation>
    </message>
    <message>
        <source>row (output channel)</source>
        <translation>ligne (canal de sortie)</translation>
    </message>
    <message>
        <source>Per column of %1</source>
        <translation>Par colonne de %1</translation>
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
        <source>|w|</source>
        <translation>|w|</translation>
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
    <name>qx::ui::SymmetricLesson</name>
    <message>
        <source>&lt;h2&gt;Symmetric (absmax) vs asymmetric (zero-point)&lt;/h2&gt;&lt;p&gt;&lt;b&gt;Symmetric:&lt;/b&gt; the range is ±absmax and the step is Δ = absmax / 127 for 8 bits. With absmax = 10.8, Δ = %1, so 3.08 → round(3.08 / Δ) = &lt;b&gt;%2&lt;/b&gt; and 3.02 → &lt;b&gt;%3&lt;/b&gt;: both come back as %4 — the difference between them is lost.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Asymmetric:&lt;/b&gt; the range [min, max] = [−7.59, 10.8] is mapped onto the codes 0…255: Δ = (10.8 + 7.59) / 255 = %5 and the zero point z = round(7.59 / Δ) = &lt;b&gt;%6&lt;/b&gt; (%7 in the signed form code − 128). −7.59 → %8, 0 → %9, 3.08 → %10, 10.8 → %11. No code is wasted on the empty side of zero.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Below: the tensor&apos;s values (histogram) and the values each grid can represent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bits: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 bits&lt;/b&gt; on the tensor (one scale for the whole tensor): symmetric Δ = %2, SQNR %3 dB; asymmetric Δ = %4, z = %5, SQNR %6 dB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tensor values (count per bin)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Symmetric grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asymmetric grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weight value</source>
        <translation type="unfinished">valeur du poids</translation>
    </message>
    <message>
        <source>values per bin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asym. grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sym. grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Symmetric vs asymmetric</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>Outliers</source>
        <translation>Valeurs aberrantes</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Valeurs</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>Niveaux</translation>
    </message>
    <message>
        <source>Draw the quantization grid of the block holding the largest |w| and the range the round trip can represent (values beyond it are clipped)</source>
        <translation>Dessine la grille de quantification du bloc contenant le plus grand |w| et la plage que l&apos;aller-retour peut représenter (les valeurs au-delà sont écrêtées)</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>Réinitialiser le zoom</translation>
    </message>
    <message>
        <source>Back to the whole histogram (drag to zoom in, wheel to zoom, Shift+drag to pan)</source>
        <translation>Revenir à l&apos;histogramme entier (glisser pour agrandir, molette pour zoomer, Maj+glisser pour déplacer)</translation>
    </message>
    <message>
        <source>Save the current tab as a PNG picture (PNG only: SVG needs Qt SVG, not installed)</source>
        <translation>Enregistrer l&apos;onglet courant en image PNG (PNG uniquement : le SVG nécessite Qt SVG, non installé)</translation>
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
        <source>dequantized (%1)</source>
        <translation>déquantifié (%1)</translation>
    </message>
    <message>
        <source>grid of row %1, columns %2–%3 (%4 levels)</source>
        <translation>grille de la ligne %1, colonnes %2–%3 (%4 niveaux)</translation>
    </message>
    <message>
        <source>representable range [%1, %2]</source>
        <translation>plage représentable [%1, %2]</translation>
    </message>
    <message>
        <source>Preview of %1</source>
        <translation>Aperçu de %1</translation>
    </message>
    <message>
        <source>Weight distribution of %1 — preview from one row in %2, exact figures follow</source>
        <translation>Distribution des poids de %1 — aperçu sur une ligne sur %2, les valeurs exactes suivent</translation>
    </message>
    <message>
        <source>original (sampled rows)</source>
        <translation>original (lignes échantillonnées)</translation>
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
        <source>Export PNG…</source>
        <translation>Exporter en PNG…</translation>
    </message>
    <message>
        <source>Save the chart as a PNG picture (PNG only: SVG needs Qt SVG, not installed)</source>
        <translation>Enregistrer le graphique en image PNG (PNG uniquement : le SVG nécessite Qt SVG, non installé)</translation>
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
        <source>Click a point to load its plan.</source>
        <translation>Cliquez sur un point pour charger son plan.</translation>
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
        <source>Pareto front</source>
        <translation>Front de Pareto</translation>
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
        <source>Quantized (%1)</source>
        <translation>Quantifié (%1)</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Différence</translation>
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
