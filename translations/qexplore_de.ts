<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ErrorText</name>
    <message>
        <source>the file could not be read</source>
        <translation>die Datei konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>the file ends early</source>
        <translation>die Datei endet vorzeitig</translation>
    </message>
    <message>
        <source>this is not a model file of a known kind</source>
        <translation>dies ist keine Modelldatei eines bekannten Formats</translation>
    </message>
    <message>
        <source>the file uses a feature that is not supported</source>
        <translation>die Datei nutzt eine nicht unterstützte Funktion</translation>
    </message>
    <message>
        <source>the file breaks a rule of its format</source>
        <translation>die Datei verletzt eine Regel ihres Formats</translation>
    </message>
    <message>
        <source>a size in the file is too large</source>
        <translation>eine Größenangabe in der Datei ist zu groß</translation>
    </message>
    <message>
        <source>parts of the model do not agree with each other</source>
        <translation>Teile des Modells passen nicht zueinander</translation>
    </message>
    <message>
        <source>the operation was cancelled</source>
        <translation>der Vorgang wurde abgebrochen</translation>
    </message>
    <message>
        <source>the request was not valid</source>
        <translation>die Anfrage war ungültig</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
    <message>
        <source>Could not open “%1”: %2</source>
        <translation>„%1“ konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Could not open “%1”: %2 (at byte %3).</source>
        <translation>„%1“ konnte nicht geöffnet werden: %2 (bei Byte %3).</translation>
    </message>
    <message>
        <source>Could not open “%1”: %2.</source>
        <translation>„%1“ konnte nicht geöffnet werden: %2.</translation>
    </message>
    <message>
        <source>Detail: %1</source>
        <translation>Einzelheiten: %1</translation>
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
        <translation>Hugging-Face-Ordner</translation>
    </message>
    <message>
        <source>llama2.c checkpoint</source>
        <translation>llama2.c-Checkpoint</translation>
    </message>
    <message>
        <source>%1 tensors · %2 parameters · %3 on disk · %4 bits/weight</source>
        <translation>%1 Tensoren · %2 Parameter · %3 auf der Festplatte · %4 Bit/Gewicht</translation>
    </message>
    <message>
        <source>no tokenizer in this model</source>
        <translation>kein Tokenizer in diesem Modell</translation>
    </message>
    <message>
        <source>SentencePiece (llama)</source>
        <translation>SentencePiece (llama)</translation>
    </message>
    <message>
        <source>byte-level BPE (gpt2)</source>
        <translation>Byte-BPE (gpt2)</translation>
    </message>
    <message>
        <source>%1, %2 tokens</source>
        <translation>%1, %2 Token</translation>
    </message>
    <message>
        <source>, %1 merges</source>
        <translation>, %1 Merges</translation>
    </message>
    <message>
        <source>, pre-tokenizer “%1”</source>
        <translation>, Prä-Tokenizer „%1“</translation>
    </message>
    <message>
        <source>Selected tensors: %1 · %2 parameters · %3</source>
        <translation>Ausgewählte Tensoren: %1 · %2 Parameter · %3</translation>
    </message>
</context>
<context>
    <name>QAbstractItemView</name>
    <message>
        <source>Export as CSV…</source>
        <translation>Als CSV exportieren…</translation>
    </message>
    <message>
        <source>Save this table as comma-separated values</source>
        <translation>Diese Tabelle als kommagetrennte Werte speichern</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>Tabelle exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>QChartView</name>
    <message>
        <source>Save chart</source>
        <translation>Diagramm speichern</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Save chart as PNG…</source>
        <translation>Diagramm als PNG speichern…</translation>
    </message>
    <message>
        <source>PNG only: SVG export needs the Qt SVG module, which is not installed</source>
        <translation>Nur PNG: SVG-Export braucht das Modul Qt SVG, das nicht installiert ist</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Look inside language model files and decide how to quantize them.</source>
        <translation>Sprachmodell-Dateien untersuchen und entscheiden, wie sie quantisiert werden.</translation>
    </message>
    <message>
        <source>Open the model at &lt;path&gt;.</source>
        <translation>Das Modell unter &lt;path&gt; öffnen.</translation>
    </message>
    <message>
        <source>path</source>
        <translation>pfad</translation>
    </message>
    <message>
        <source>Render the main views into &lt;dir&gt;/*.png and quit.</source>
        <translation>Die Hauptansichten als &lt;dir&gt;/*.png speichern und beenden.</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>ordner</translation>
    </message>
    <message>
        <source>A model file or folder to open.</source>
        <translation>Eine Modelldatei oder ein Modellordner zum Öffnen.</translation>
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
        <translation>Modell&amp;datei öffnen …</translation>
    </message>
    <message>
        <source>Open Model &amp;Folder…</source>
        <translation>Modell&amp;ordner öffnen …</translation>
    </message>
    <message>
        <source>&amp;Close Model</source>
        <translation>Modell &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Filter Tensors</source>
        <translation>Tensoren &amp;filtern</translation>
    </message>
    <message>
        <source>&amp;Tensors</source>
        <translation>&amp;Tensoren</translation>
    </message>
    <message>
        <source>&amp;Info</source>
        <translation>&amp;Info</translation>
    </message>
    <message>
        <source>&amp;About Quantization Explorer</source>
        <translation>&amp;Über Quantization Explorer</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Tensors</source>
        <translation>Tensoren</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the running job</source>
        <translation>Den laufenden Auftrag anhalten</translation>
    </message>
    <message>
        <source>Opening %1 was cancelled</source>
        <translation>Öffnen von %1 wurde abgebrochen</translation>
    </message>
    <message>
        <source>Open Model File</source>
        <translation>Modelldatei öffnen</translation>
    </message>
    <message>
        <source>Model files (*.gguf *.safetensors *.bin);;GGUF (*.gguf);;safetensors (*.safetensors);;llama2.c checkpoints (*.bin);;All files (*)</source>
        <translation>Modelldateien (*.gguf *.safetensors *.bin);;GGUF (*.gguf);;safetensors (*.safetensors);;llama2.c-Checkpoints (*.bin);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open Hugging Face Model Folder</source>
        <translation>Hugging-Face-Modellordner öffnen</translation>
    </message>
    <message>
        <source>Preparing the demo model…</source>
        <translation>Demo-Modell wird vorbereitet …</translation>
    </message>
    <message>
        <source>demo model</source>
        <translation>Demo-Modell</translation>
    </message>
    <message>
        <source>About Quantization Explorer</source>
        <translation>Über Quantization Explorer</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Quantization Explorer %1&lt;/h3&gt;&lt;p&gt;Look inside language model files (GGUF, safetensors, llama2.c) and decide how to quantize them.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Quantization Explorer %1&lt;/h3&gt;&lt;p&gt;Sprachmodell-Dateien (GGUF, safetensors, llama2.c) untersuchen und entscheiden, wie sie quantisiert werden.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 — Quantization Explorer</source>
        <translation>%1 — Quantization Explorer</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>Could not open the model</source>
        <translation>Das Modell konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>%1 konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2, %3</translation>
    </message>
    <message>
        <source>unknown architecture</source>
        <translation>unbekannte Architektur</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Schichten</translation>
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
        <translation>Format</translation>
    </message>
    <message>
        <source>Stored bits (sign | exponent | mantissa)</source>
        <translation>Gespeicherte Bits (Vorzeichen | Exponent | Mantisse)</translation>
    </message>
    <message>
        <source>Decoded value</source>
        <translation>Dekodierter Wert</translation>
    </message>
    <message>
        <source>Rounding error</source>
        <translation>Rundungsfehler</translation>
    </message>
</context>
<context>
    <name>qx::ui::BitNetLesson</name>
    <message>
        <source>&lt;h2&gt;BitNet b1.58&lt;/h2&gt;&lt;p&gt;Every weight becomes −1, 0 or +1 times one scale γ, the mean absolute value of the tensor (&lt;b&gt;absmean&lt;/b&gt;): q = clamp(round(x / γ), −1, 1). Three states carry log&lt;sub&gt;2&lt;/sub&gt; 3 ≈ 1.58 bits. BitNet trains with this rule from the start; applied after training, as here, it shows how much information the weights lose.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;BitNet b1.58&lt;/h2&gt;&lt;p&gt;Jedes Gewicht wird zu −1, 0 oder +1 mal einem Skalenfaktor γ, dem mittleren Betrag des Tensors (&lt;b&gt;absmean&lt;/b&gt;): q = clamp(round(x / γ), −1, 1). Drei Zustände tragen log&lt;sub&gt;2&lt;/sub&gt; 3 ≈ 1,58 Bit. BitNet trainiert von Anfang an mit dieser Regel; nach dem Training angewandt, wie hier, zeigt sie, wie viel Information die Gewichte verlieren.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Multiplications become additions&lt;/h3&gt;&lt;p&gt;With ternary weights, w·x needs no multiplication per weight: add x where q = +1, subtract it where q = −1, skip it where q = 0, and multiply the sum by γ once.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Aus Multiplikationen werden Additionen&lt;/h3&gt;&lt;p&gt;Mit ternären Gewichten braucht w·x keine Multiplikation pro Gewicht: x addieren, wo q = +1, subtrahieren, wo q = −1, überspringen, wo q = 0, und die Summe einmal mit γ multiplizieren.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>γ = %1. Codes: −1 for %2 %, 0 for %3 %, +1 for %4 % of the weights. SQNR %5 dB.&lt;br&gt;Size of these %6 weights: FP16 %7; ideal ternary %8 (1.58 bits); llama.cpp TQ1_0 %9, TQ2_0 %10 (whole 256-weight blocks).</source>
        <translation>γ = %1. Codes: −1 für %2 %, 0 für %3 %, +1 für %4 % der Gewichte. SQNR %5 dB.&lt;br&gt;Größe dieser %6 Gewichte: FP16 %7; ideal ternär %8 (1,58 Bit); llama.cpp TQ1_0 %9, TQ2_0 %10 (ganze Blöcke zu 256 Gewichten).</translation>
    </message>
    <message>
        <source>Row 0 of the tensor times a sample activation vector of %1 values: %2 additions, %3 subtractions, %4 skipped zeros and one multiplication by γ give %5; the full-precision weights give %6.</source>
        <translation>Zeile 0 des Tensors mal ein Beispiel-Aktivierungsvektor mit %1 Werten: %2 Additionen, %3 Subtraktionen, %4 übersprungene Nullen und eine Multiplikation mit γ ergeben %5; die Gewichte in voller Genauigkeit ergeben %6.</translation>
    </message>
    <message>
        <source>weights (count per bin)</source>
        <translation>Gewichte (Anzahl pro Klasse)</translation>
    </message>
    <message>
        <source>ternary levels −γ, 0, +γ</source>
        <translation>ternäre Stufen −γ, 0, +γ</translation>
    </message>
    <message>
        <source>rounding thresholds ±(γ + ε)/2</source>
        <translation>Rundungsschwellen ±(γ + ε)/2</translation>
    </message>
    <message>
        <source>weight value</source>
        <translation>Gewichtswert</translation>
    </message>
    <message>
        <source>weights per bin</source>
        <translation>Gewichte pro Klasse</translation>
    </message>
    <message>
        <source>levels</source>
        <translation>Stufen</translation>
    </message>
    <message>
        <source>BitNet b1.58 (ternary)</source>
        <translation>BitNet b1.58 (ternär)</translation>
    </message>
</context>
<context>
    <name>qx::ui::ClippingLesson</name>
    <message>
        <source>&lt;h2&gt;Clipping and calibration&lt;/h2&gt;&lt;p&gt;Absmax scaling lets the single largest value decide the step Δ. One outlier therefore stretches the grid, and the bulk of the weights share a handful of levels. &lt;b&gt;Clipping&lt;/b&gt; the range to c &amp;lt; absmax saturates the few outliers but gives every other weight a finer grid. Calibration picks c: a &lt;b&gt;percentile&lt;/b&gt; of |x|, the c with the lowest &lt;b&gt;MSE&lt;/b&gt;, or the c whose histogram loses the least information (&lt;b&gt;KL divergence&lt;/b&gt;, TensorRT&apos;s entropy calibration).&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Clipping und Kalibrierung&lt;/h2&gt;&lt;p&gt;Bei Absmax-Skalierung bestimmt der eine größte Wert die Schrittweite Δ. Ein einzelner Ausreißer streckt daher das Raster, und die Masse der Gewichte teilt sich eine Handvoll Stufen. &lt;b&gt;Clipping&lt;/b&gt; des Bereichs auf c &amp;lt; absmax sättigt die wenigen Ausreißer, gibt aber allen anderen Gewichten ein feineres Raster. Die Kalibrierung wählt c: ein &lt;b&gt;Perzentil&lt;/b&gt; von |x|, das c mit dem kleinsten &lt;b&gt;MSE&lt;/b&gt; oder das c, bei dem das Histogramm am wenigsten Information verliert (&lt;b&gt;KL-Divergenz&lt;/b&gt;, die Entropie-Kalibrierung von TensorRT).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Bits:</source>
        <translation>Bits:</translation>
    </message>
    <message>
        <source>&lt;b&gt;One outlier, %1 bits, one scale per tensor.&lt;/b&gt; As it is: Δ = %2, the weights use %3 levels, SQNR %4 dB. Add a single value 10 × absmax: Δ = %5, the same weights now use %6 levels, SQNR %7 dB.</source>
        <translation>&lt;b&gt;Ein Ausreißer, %1 Bit, eine Skala pro Tensor.&lt;/b&gt; Unverändert: Δ = %2, die Gewichte nutzen %3 Stufen, SQNR %4 dB. Mit einem einzigen zusätzlichen Wert 10 × absmax: Δ = %5, dieselben Gewichte nutzen nur noch %6 Stufen, SQNR %7 dB.</translation>
    </message>
    <message>
        <source>MSE at clip ratio c / absmax</source>
        <translation>MSE beim Clip-Verhältnis c / absmax</translation>
    </message>
    <message>
        <source>Percentile %1 %</source>
        <translation>Perzentil %1 %</translation>
    </message>
    <message>
        <source>MSE search</source>
        <translation>MSE-Suche</translation>
    </message>
    <message>
        <source>KL divergence</source>
        <translation>KL-Divergenz</translation>
    </message>
    <message>
        <source>clip ratio c / absmax</source>
        <translation>Clip-Verhältnis c / absmax</translation>
    </message>
    <message>
        <source>MSE (weight units²)</source>
        <translation>MSE (Gewichtseinheiten²)</translation>
    </message>
    <message>
        <source>&lt;table cellpadding=3&gt;&lt;tr&gt;&lt;th align=left&gt;Calibration&lt;/th&gt;&lt;th&gt;c / absmax&lt;/th&gt;&lt;th&gt;MSE&lt;/th&gt;&lt;th&gt;SQNR (dB)&lt;/th&gt;&lt;/tr&gt;</source>
        <translation>&lt;table cellpadding=3&gt;&lt;tr&gt;&lt;th align=left&gt;Kalibrierung&lt;/th&gt;&lt;th&gt;c / absmax&lt;/th&gt;&lt;th&gt;MSE&lt;/th&gt;&lt;th&gt;SQNR (dB)&lt;/th&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>Clipping and calibration</source>
        <translation>Clipping und Kalibrierung</translation>
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
        <translation>Auswerten</translation>
    </message>
    <message>
        <source>Evaluate presets</source>
        <translation>Voreinstellungen auswerten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Plain text to evaluate on, tokenized with BOS as llama-perplexity does</source>
        <translation>Klartext für die Auswertung, mit BOS tokenisiert wie bei llama-perplexity</translation>
    </message>
    <message>
        <source>Tokens per chunk (llama-perplexity -c); the second half of each chunk is scored</source>
        <translation>Token pro Block (llama-perplexity -c); bewertet wird die zweite Hälfte jedes Blocks</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Chunks evaluated (llama-perplexity --chunks); 0 = every whole chunk of the text</source>
        <translation>Ausgewertete Blöcke (llama-perplexity --chunks); 0 = jeder vollständige Block des Textes</translation>
    </message>
    <message>
        <source>Perplexity and KL divergence of the current plan against the F32 model</source>
        <translation>Perplexität und KL-Divergenz des aktuellen Plans gegenüber dem F32-Modell</translation>
    </message>
    <message>
        <source>Evaluate llama-quantize&apos;s common mixes (Q8_0 … Q2_K) for the Trade-off chart</source>
        <translation>Die gängigen Mischungen von llama-quantize (Q8_0 … Q2_K) für das Abwägungsdiagramm auswerten</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Text:</translation>
    </message>
    <message>
        <source>Context:</source>
        <translation>Kontext:</translation>
    </message>
    <message>
        <source>Chunks:</source>
        <translation>Blöcke:</translation>
    </message>
    <message>
        <source>Evaluation text</source>
        <translation>Auswertungstext</translation>
    </message>
    <message>
        <source>Text files (*.txt *.raw);;All files (*)</source>
        <translation>Textdateien (*.txt *.raw);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>Bereit.</translation>
    </message>
    <message>
        <source>Open a model to evaluate plans.</source>
        <translation>Öffnen Sie ein Modell, um Pläne auszuwerten.</translation>
    </message>
    <message>
        <source>custom plan %1</source>
        <translation>eigener Plan %1</translation>
    </message>
    <message>
        <source>Evaluating %1…</source>
        <translation>%1 wird ausgewertet…</translation>
    </message>
    <message>
        <source>Evaluating %1</source>
        <translation>%1 wird ausgewertet</translation>
    </message>
    <message>
        <source>Evaluation cancelled.</source>
        <translation>Auswertung abgebrochen.</translation>
    </message>
    <message>
        <source>Evaluation failed: %1 (%2)</source>
        <translation>Auswertung fehlgeschlagen: %1 (%2)</translation>
    </message>
    <message>
        <source> (already evaluated as %1)</source>
        <translation> (bereits ausgewertet als %1)</translation>
    </message>
    <message>
        <source>%1: PPL %2 ± %3 (F32 %4), mean KLD %5, same top %6 %</source>
        <translation>%1: PPL %2 ± %3 (F32 %4), mittlere KLD %5, gleiches Top-Token %6 %</translation>
    </message>
    <message>
        <source>%p% — about %1 left</source>
        <translation>%p % — noch etwa %1</translation>
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
        <translation>&lt;h2&gt;Granularität&lt;/h2&gt;&lt;p&gt;Jede Gruppe von Gewichten mit gemeinsamer Skala bezahlt für diese Skala (hier eine FP16-Zahl, 16 Bit). Eine Skala für den ganzen &lt;b&gt;Tensor&lt;/b&gt; kostet fast nichts, lässt aber das größte Gewicht irgendwo die Schrittweite für alle bestimmen. Eine Skala pro &lt;b&gt;Kanal&lt;/b&gt; (Zeile) passt sich jeder Zeile an; eine pro &lt;b&gt;Gruppe&lt;/b&gt; von 32–128 aufeinanderfolgenden Gewichten passt sich noch feiner an, für 16/G zusätzliche Bit pro Gewicht.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Bits per code (symmetric):</source>
        <translation>Bits pro Code (symmetrisch):</translation>
    </message>
    <message>
        <source>Scales</source>
        <translation>Skalen</translation>
    </message>
    <message>
        <source>SQNR (dB)</source>
        <translation>SQNR (dB)</translation>
    </message>
    <message>
        <source>Bits per weight</source>
        <translation>Bits pro Gewicht</translation>
    </message>
    <message>
        <source>of which scales</source>
        <translation>davon Skalen</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>per tensor</source>
        <translation>pro Tensor</translation>
    </message>
    <message>
        <source>per channel</source>
        <translation>pro Kanal</translation>
    </message>
    <message>
        <source>per group of %1</source>
        <translation>pro Gruppe zu %1</translation>
    </message>
    <message>
        <source>SQNR (dB), higher is better</source>
        <translation>SQNR (dB), höher ist besser</translation>
    </message>
    <message>
        <source>n/a (row of %1)</source>
        <translation>n. v. (Zeile mit %1)</translation>
    </message>
    <message>
        <source>Granularity</source>
        <translation>Granularität</translation>
    </message>
</context>
<context>
    <name>qx::ui::HeatmapWidget</name>
    <message>
        <source>Largest |w| in each cell of the down-sampled tensor; bright cells hold outliers</source>
        <translation>Größtes |w| in jeder Zelle des verkleinerten Tensors; helle Zellen enthalten Ausreißer</translation>
    </message>
    <message>
        <source>No heatmap yet</source>
        <translation>Noch keine Heatmap</translation>
    </message>
    <message>
        <source>max |w| per cell of %1 × %2 values</source>
        <translation>max |w| pro Zelle aus %1 × %2 Werten</translation>
    </message>
    <message>
        <source>column (input channel)</source>
        <translation>Spalte (Eingangskanal)</translation>
    </message>
    <message>
        <source>row (output channel)</source>
        <translation>Zeile (Ausgangskanal)</translation>
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
        <translation>unbekannte Ausnahme</translation>
    </message>
</context>
<context>
    <name>qx::ui::KQuantsLesson</name>
    <message>
        <source>&lt;h2&gt;GGUF k-quants anatomy&lt;/h2&gt;&lt;p&gt;A &lt;b&gt;Q4_K&lt;/b&gt; super-block holds 256 weights in 144 bytes: an FP16 scale &lt;b&gt;d&lt;/b&gt; and an FP16 &lt;b&gt;dmin&lt;/b&gt;, twelve bytes packing eight 6-bit sub-block scales and eight 6-bit mins, and 128 bytes of 4-bit codes. Weight i of sub-block j (32 weights) is d·scale&lt;sub&gt;j&lt;/sub&gt;·q − dmin·min&lt;sub&gt;j&lt;/sub&gt;. The sub-block scales are themselves quantized against d: that is the saving — %1 bits per weight, where storing an FP16 scale and min for every 32 weights (Q4_1) costs %2. &lt;b&gt;Q6_K&lt;/b&gt; uses 6-bit codes, sixteen 8-bit scales and one FP16 d: %3 bits per weight.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Anatomie der GGUF-k-Quants&lt;/h2&gt;&lt;p&gt;Ein &lt;b&gt;Q4_K&lt;/b&gt;-Superblock fasst 256 Gewichte in 144 Byte: eine FP16-Skala &lt;b&gt;d&lt;/b&gt; und ein FP16-&lt;b&gt;dmin&lt;/b&gt;, zwölf Byte mit acht 6-Bit-Teilblockskalen und acht 6-Bit-Minima sowie 128 Byte 4-Bit-Codes. Gewicht i des Teilblocks j (32 Gewichte) ist d·scale&lt;sub&gt;j&lt;/sub&gt;·q − dmin·min&lt;sub&gt;j&lt;/sub&gt;. Die Teilblockskalen sind selbst gegen d quantisiert: darin liegt die Ersparnis — %1 Bit pro Gewicht, während eine FP16-Skala und ein FP16-Minimum für je 32 Gewichte (Q4_1) %2 kosten. &lt;b&gt;Q6_K&lt;/b&gt; nutzt 6-Bit-Codes, sechzehn 8-Bit-Skalen und ein FP16-d: %3 Bit pro Gewicht.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Super-block (256 consecutive weights):</source>
        <translation>Superblock (256 aufeinanderfolgende Gewichte):</translation>
    </message>
    <message>
        <source>6-bit scale</source>
        <translation>6-Bit-Skala</translation>
    </message>
    <message>
        <source>6-bit min</source>
        <translation>6-Bit-Minimum</translation>
    </message>
    <message>
        <source>d · scale</source>
        <translation>d · Skala</translation>
    </message>
    <message>
        <source>dmin · min</source>
        <translation>dmin · Minimum</translation>
    </message>
    <message>
        <source>codes used (0–15)</source>
        <translation>genutzte Codes (0–15)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Q4_K header:&lt;/b&gt; d = 0x%1 = %2, dmin = 0x%3 = %4. Reconstruction SQNR %5 dB.</source>
        <translation>&lt;b&gt;Q4_K-Kopf:&lt;/b&gt; d = 0x%1 = %2, dmin = 0x%3 = %4. SQNR der Rekonstruktion %5 dB.</translation>
    </message>
    <message>
        <source>%1 … %2</source>
        <translation>%1 … %2</translation>
    </message>
    <message>
        <source>sub-block 0</source>
        <translation>Teilblock 0</translation>
    </message>
    <message>
        <source>sub-block 1</source>
        <translation>Teilblock 1</translation>
    </message>
    <message>
        <source>sub-block 2</source>
        <translation>Teilblock 2</translation>
    </message>
    <message>
        <source>sub-block 3</source>
        <translation>Teilblock 3</translation>
    </message>
    <message>
        <source>sub-block 4</source>
        <translation>Teilblock 4</translation>
    </message>
    <message>
        <source>sub-block 5</source>
        <translation>Teilblock 5</translation>
    </message>
    <message>
        <source>sub-block 6</source>
        <translation>Teilblock 6</translation>
    </message>
    <message>
        <source>sub-block 7</source>
        <translation>Teilblock 7</translation>
    </message>
    <message>
        <source>&lt;b&gt;Bytes 4–15&lt;/b&gt; (scales and mins; sub-blocks 4–7 borrow the top two bits of bytes 4–11): &lt;tt&gt;%1&lt;/tt&gt;&lt;br&gt;&lt;b&gt;Bytes 16–31&lt;/b&gt; (first codes; low nibble = weight i, high nibble = weight i + 32): &lt;tt&gt;%2&lt;/tt&gt;</source>
        <translation>&lt;b&gt;Bytes 4–15&lt;/b&gt; (Skalen und Minima; die Teilblöcke 4–7 leihen sich die oberen zwei Bits der Bytes 4–11): &lt;tt&gt;%1&lt;/tt&gt;&lt;br&gt;&lt;b&gt;Bytes 16–31&lt;/b&gt; (erste Codes; unteres Nibble = Gewicht i, oberes Nibble = Gewicht i + 32): &lt;tt&gt;%2&lt;/tt&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Q6_K of the same weights:&lt;/b&gt; d = %1, sixteen 8-bit scales (one per 16 weights): %2. Codes −32…31. Reconstruction SQNR %3 dB.</source>
        <translation>&lt;b&gt;Q6_K derselben Gewichte:&lt;/b&gt; d = %1, sechzehn 8-Bit-Skalen (eine je 16 Gewichte): %2. Codes −32…31. SQNR der Rekonstruktion %3 dB.</translation>
    </message>
    <message>
        <source>original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Q4_K reconstruction</source>
        <translation>Q4_K-Rekonstruktion</translation>
    </message>
    <message>
        <source>Q6_K reconstruction</source>
        <translation>Q6_K-Rekonstruktion</translation>
    </message>
    <message>
        <source>weight index (sub-blocks 0 and 1 of the super-block)</source>
        <translation>Gewichtsindex (Teilblöcke 0 und 1 des Superblocks)</translation>
    </message>
    <message>
        <source>weight value</source>
        <translation>Gewichtswert</translation>
    </message>
    <message>
        <source>GGUF k-quants anatomy</source>
        <translation>Anatomie der GGUF-k-Quants</translation>
    </message>
</context>
<context>
    <name>qx::ui::LayerTableModel</name>
    <message>
        <source>Layer</source>
        <translation>Schicht</translation>
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
        <translation>Relativer Fehler</translation>
    </message>
    <message>
        <source>Signal-to-quantization-noise ratio 10·log10(Σw² / Σe²); higher is better</source>
        <translation>Signal-Quantisierungsrausch-Verhältnis 10·log10(Σw² / Σe²); höher ist besser</translation>
    </message>
    <message>
        <source>‖dequantized − original‖ / ‖original‖; lower is better</source>
        <translation>‖dequantisiert − original‖ / ‖original‖; niedriger ist besser</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Berechnen</translation>
    </message>
    <message>
        <source>Quantize and dequantize every layer tensor with the candidate format</source>
        <translation>Jeden Schicht-Tensor mit dem Kandidatenformat quantisieren und dequantisieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Candidate format:</source>
        <translation>Kandidatenformat:</translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation>Maß:</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Wird berechnet …</translation>
    </message>
    <message>
        <source>Layer errors</source>
        <translation>Fehler je Schicht</translation>
    </message>
    <message numerus="yes">
        <source>%n tensor(s)</source>
        <translation>
            <numerusform>%n Tensor</numerusform>
            <numerusform>%n Tensoren</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Round-trip error per layer (%1)</source>
        <translation>Fehler des Hin- und Rückwegs je Schicht (%1)</translation>
    </message>
    <message>
        <source>layer (blk index)</source>
        <translation>Schicht (blk-Index)</translation>
    </message>
    <message>
        <source>relative error</source>
        <translation>relativer Fehler</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>Alle Klassen</translation>
    </message>
    <message>
        <source>Tensor class drawn in the chart</source>
        <translation>Im Diagramm gezeichnete Tensorklasse</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>Klasse:</translation>
    </message>
    <message>
        <source>One row per layer, one column per tensor class; right click to export as CSV</source>
        <translation>Eine Zeile pro Schicht, eine Spalte pro Tensorklasse; Rechtsklick exportiert als CSV</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>PNG exportieren…</translation>
    </message>
    <message>
        <source>Save the chart as a PNG picture (PNG only: SVG needs Qt SVG, not installed)</source>
        <translation>Diagramm als PNG-Bild speichern (nur PNG: SVG braucht Qt SVG, nicht installiert)</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Diagramm</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
</context>
<context>
    <name>qx::ui::LearnLab</name>
    <message>
        <source>Tensor:</source>
        <translation>Tensor:</translation>
    </message>
    <message>
        <source>%1  (%2)</source>
        <translation>%1  (%2)</translation>
    </message>
    <message>
        <source>Built-in sample (no model loaded)</source>
        <translation>Eingebaute Stichprobe (kein Modell geladen)</translation>
    </message>
    <message>
        <source>Lessons use a built-in deterministic heavy-tailed sample.</source>
        <translation>Die Lektionen nutzen eine eingebaute, deterministische Stichprobe mit schweren Rändern.</translation>
    </message>
    <message>
        <source>Lessons use the model&apos;s own weights.</source>
        <translation>Die Lektionen nutzen die Gewichte des Modells.</translation>
    </message>
    <message>
        <source>Could not read the tensor (%1); using the built-in sample.</source>
        <translation>Der Tensor konnte nicht gelesen werden (%1); die eingebaute Stichprobe wird verwendet.</translation>
    </message>
</context>
<context>
    <name>qx::ui::Lesson</name>
    <message>
        <source>No model loaded: using a built-in deterministic heavy-tailed sample (%1 values).</source>
        <translation>Kein Modell geladen: eingebaute, deterministische Stichprobe mit schweren Rändern (%1 Werte).</translation>
    </message>
    <message>
        <source>Tensor &lt;b&gt;%1&lt;/b&gt;: %2 rows × %3 values.</source>
        <translation>Tensor &lt;b&gt;%1&lt;/b&gt;: %2 Zeilen × %3 Werte.</translation>
    </message>
    <message>
        <source>(first %1 of %2 rows)</source>
        <translation>(die ersten %1 von %2 Zeilen)</translation>
    </message>
</context>
<context>
    <name>qx::ui::MemoryIndicator</name>
    <message>
        <source>Memory in use by Quantization Explorer (resident set size)</source>
        <translation>Von Quantization Explorer belegter Arbeitsspeicher (Resident Set Size)</translation>
    </message>
    <message>
        <source>Memory: %1</source>
        <translation>Speicher: %1</translation>
    </message>
</context>
<context>
    <name>qx::ui::MetadataTableModel</name>
    <message>
        <source>%1 × %2: %3</source>
        <translation>%1 × %2: %3</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>qx::ui::ModelInfoView</name>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metadaten</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>nicht angegeben</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Summen</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>Embedding length</source>
        <translation>Embedding-Länge</translation>
    </message>
    <message>
        <source>Feed-forward length</source>
        <translation>Feed-Forward-Länge</translation>
    </message>
    <message>
        <source>Attention heads</source>
        <translation>Attention-Köpfe</translation>
    </message>
    <message>
        <source>%1 (key/value: %2)</source>
        <translation>%1 (Key/Value: %2)</translation>
    </message>
    <message>
        <source>Context length</source>
        <translation>Kontextlänge</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>Vokabular</translation>
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
        <translation>%1 wird geöffnet …</translation>
    </message>
</context>
<context>
    <name>qx::ui::Nf4Lesson</name>
    <message>
        <source>&lt;h2&gt;NF4 and double quantization&lt;/h2&gt;&lt;p&gt;Trained weights are roughly normally distributed: most sit near zero. &lt;b&gt;NF4&lt;/b&gt; (QLoRA) places its 16 levels at quantiles of a normal distribution, dense near zero and sparse in the tails, instead of evenly. Each block of 64 weights is divided by its absmax (an FP32 number: 32/64 = 0.5 bits per weight). &lt;b&gt;Double quantization&lt;/b&gt; stores those absmax values themselves in 8 bits, with one FP32 scale per 256 of them.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;NF4 und doppelte Quantisierung&lt;/h2&gt;&lt;p&gt;Trainierte Gewichte sind ungefähr normalverteilt: die meisten liegen nahe null. &lt;b&gt;NF4&lt;/b&gt; (QLoRA) legt seine 16 Stufen auf Quantile einer Normalverteilung, dicht bei null und spärlich in den Rändern, statt gleichmäßig. Jeder Block aus 64 Gewichten wird durch sein Absmax geteilt (eine FP32-Zahl: 32/64 = 0,5 Bit pro Gewicht). Die &lt;b&gt;doppelte Quantisierung&lt;/b&gt; speichert diese Absmax-Werte selbst in 8 Bit, mit einer FP32-Skala je 256 davon.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;table cellpadding=3&gt;&lt;tr&gt;&lt;th align=left&gt;Block of 64, 4-bit codes&lt;/th&gt;&lt;th&gt;SQNR (dB)&lt;/th&gt;&lt;th&gt;Bits per weight&lt;/th&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;uniform INT4 (absmax, FP32 scale)&lt;/td&gt;&lt;td align=right&gt;%1&lt;/td&gt;&lt;td align=right&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;NF4&lt;/td&gt;&lt;td align=right&gt;%3&lt;/td&gt;&lt;td align=right&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;NF4 + double quantization&lt;/td&gt;&lt;td align=right&gt;%4&lt;/td&gt;&lt;td align=right&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;Double quantization saves %6 bits per weight: %7 GB on a 70 B-parameter model.&lt;/p&gt;</source>
        <translation>&lt;table cellpadding=3&gt;&lt;tr&gt;&lt;th align=left&gt;Block aus 64, 4-Bit-Codes&lt;/th&gt;&lt;th&gt;SQNR (dB)&lt;/th&gt;&lt;th&gt;Bits pro Gewicht&lt;/th&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;gleichmäßiges INT4 (Absmax, FP32-Skala)&lt;/td&gt;&lt;td align=right&gt;%1&lt;/td&gt;&lt;td align=right&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;NF4&lt;/td&gt;&lt;td align=right&gt;%3&lt;/td&gt;&lt;td align=right&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;NF4 + doppelte Quantisierung&lt;/td&gt;&lt;td align=right&gt;%4&lt;/td&gt;&lt;td align=right&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;Die doppelte Quantisierung spart %6 Bit pro Gewicht: %7 GB bei einem Modell mit 70 Mrd. Parametern.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>weights ÷ their block&apos;s absmax (count per bin)</source>
        <translation>Gewichte ÷ Absmax ihres Blocks (Anzahl pro Klasse)</translation>
    </message>
    <message>
        <source>NF4 levels (16)</source>
        <translation>NF4-Stufen (16)</translation>
    </message>
    <message>
        <source>uniform INT4 levels (15)</source>
        <translation>gleichmäßige INT4-Stufen (15)</translation>
    </message>
    <message>
        <source>value as a fraction of the block&apos;s absmax</source>
        <translation>Wert als Anteil am Absmax des Blocks</translation>
    </message>
    <message>
        <source>weights per bin</source>
        <translation>Gewichte pro Klasse</translation>
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
        <translation>NF4 und doppelte Quantisierung</translation>
    </message>
</context>
<context>
    <name>qx::ui::NumberFormatsLesson</name>
    <message>
        <source>&lt;h2&gt;Number formats&lt;/h2&gt;&lt;p&gt;A floating-point number stores a &lt;b&gt;sign&lt;/b&gt;, an &lt;b&gt;exponent&lt;/b&gt; (the power of two, i.e. the range) and a &lt;b&gt;mantissa&lt;/b&gt; (the digits, i.e. the precision). Fewer exponent bits shrink the range; fewer mantissa bits widen the gaps between neighbouring values. Integers have no exponent: INT8 and INT4 store a code q, and the value is Δ·q with one scale Δ shared by many weights.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Zahlenformate&lt;/h2&gt;&lt;p&gt;Eine Gleitkommazahl speichert ein &lt;b&gt;Vorzeichen&lt;/b&gt;, einen &lt;b&gt;Exponenten&lt;/b&gt; (die Zweierpotenz, also den Wertebereich) und eine &lt;b&gt;Mantisse&lt;/b&gt; (die Ziffern, also die Genauigkeit). Weniger Exponentenbits verkleinern den Bereich; weniger Mantissenbits vergrößern die Abstände zwischen benachbarten Werten. Ganzzahlen haben keinen Exponenten: INT8 und INT4 speichern einen Code q, und der Wert ist Δ·q mit einer Skala Δ, die sich viele Gewichte teilen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Value to store:</source>
        <translation>Zu speichernder Wert:</translation>
    </message>
    <message>
        <source>…or pick weight number:</source>
        <translation>…oder Gewicht Nummer wählen:</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Range and precision&lt;/h3&gt;&lt;p&gt;The largest value each format holds, the smallest step away from zero, and the gap to the next representable value at the value above: the rounding error is at most half that gap.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Bereich und Genauigkeit&lt;/h3&gt;&lt;p&gt;Der größte Wert, den jedes Format fasst, der kleinste Schritt weg von der Null und der Abstand zum nächsten darstellbaren Wert beim obigen Wert: der Rundungsfehler ist höchstens halb so groß wie dieser Abstand.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Largest value</source>
        <translation>Größter Wert</translation>
    </message>
    <message>
        <source>Smallest positive value</source>
        <translation>Kleinster positiver Wert</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Spacing at this value</source>
        <translation>Abstand bei diesem Wert</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Memory calculator&lt;/h3&gt;&lt;p&gt;Weights alone need parameters × bits ÷ 8 bytes (1 GB = 10&lt;sup&gt;9&lt;/sup&gt; bytes).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Speicherrechner&lt;/h3&gt;&lt;p&gt;Allein die Gewichte brauchen Parameter × Bits ÷ 8 Byte (1 GB = 10&lt;sup&gt;9&lt;/sup&gt; Byte).&lt;/p&gt;</translation>
    </message>
    <message>
        <source> billion parameters</source>
        <translation> Mrd. Parameter</translation>
    </message>
    <message>
        <source>Bits per weight</source>
        <translation>Bits pro Gewicht</translation>
    </message>
    <message>
        <source>Weights in memory</source>
        <translation>Gewichte im Speicher</translation>
    </message>
    <message>
        <source>INT8 and INT4 use symmetric absmax scaling against the tensor&apos;s largest magnitude %1: Δ = %1 / 127 for INT8 and %1 / 7 for INT4. Larger values saturate at ±%1.</source>
        <translation>INT8 und INT4 skalieren symmetrisch (Absmax) auf den größten Betrag des Tensors, %1: Δ = %1 / 127 für INT8 und %1 / 7 für INT4. Größere Werte sättigen bei ±%1.</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>Number formats</source>
        <translation>Zahlenformate</translation>
    </message>
</context>
<context>
    <name>qx::ui::OutlierTableModel</name>
    <message>
        <source>Tensor row (output channel, ne[1] index)</source>
        <translation>Tensorzeile (Ausgangskanal, Index in ne[1])</translation>
    </message>
    <message>
        <source>Position within the row (input channel, ne[0] index)</source>
        <translation>Position in der Zeile (Eingangskanal, Index in ne[0])</translation>
    </message>
    <message>
        <source>|w| divided by the tensor&apos;s standard deviation σ</source>
        <translation>|w| geteilt durch die Standardabweichung σ des Tensors</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
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
        <translation>Die größten |w| des Tensors; Rechtsklick exportiert als CSV</translation>
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
        <translation>%1 (Maximum über Gruppen von %2 Kanälen)</translation>
    </message>
    <message>
        <source>Per row of %1</source>
        <translation>Pro Zeile von %1</translation>
    </message>
    <message>
        <source>row (output channel)</source>
        <translation>Zeile (Ausgangskanal)</translation>
    </message>
    <message>
        <source>Per column of %1</source>
        <translation>Pro Spalte von %1</translation>
    </message>
    <message>
        <source>column (input channel)</source>
        <translation>Spalte (Eingangskanal)</translation>
    </message>
    <message>
        <source>No value lies beyond 6σ (|w| &gt; %1): no outliers.</source>
        <translation>Kein Wert liegt jenseits von 6σ (|w| &gt; %1): keine Ausreißer.</translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) beyond 6σ (|w| &gt; %1); the largest %2 are listed.</source>
        <translation>
            <numerusform>%n Wert jenseits von 6σ (|w| &gt; %1); die größten %2 sind aufgeführt.</numerusform>
            <numerusform>%n Werte jenseits von 6σ (|w| &gt; %1); die größten %2 sind aufgeführt.</numerusform>
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
        <translation>Größe der GGUF-Datei, die der Plan exportiert, auf das Byte genau</translation>
    </message>
    <message>
        <source>Bits per weight of the planned tensors (8 · bytes / parameters)</source>
        <translation>Bits pro Gewicht der geplanten Tensoren (8 · Bytes / Parameter)</translation>
    </message>
    <message>
        <source>Perplexity of the plan on the text ± llama.cpp&apos;s uncertainty (lower is better)</source>
        <translation>Perplexität des Plans auf dem Text ± Unsicherheit nach llama.cpp (niedriger ist besser)</translation>
    </message>
    <message>
        <source>Perplexity of the unquantized (F32) model on the same chunks</source>
        <translation>Perplexität des nicht quantisierten (F32-)Modells auf denselben Blöcken</translation>
    </message>
    <message>
        <source>Mean KL divergence of the plan&apos;s token distribution from the F32 model&apos;s, nats per token</source>
        <translation>Mittlere KL-Divergenz der Token-Verteilung des Plans von der des F32-Modells, Nats pro Token</translation>
    </message>
    <message>
        <source>99th percentile of the per-token KL divergence</source>
        <translation>99. Perzentil der KL-Divergenz pro Token</translation>
    </message>
    <message>
        <source>Share of tokens whose most likely next token is unchanged</source>
        <translation>Anteil der Token, deren wahrscheinlichstes nächstes Token unverändert bleibt</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Bits/weight</source>
        <translation>Bits/Gewicht</translation>
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
        <translation>Mittlere KLD</translation>
    </message>
    <message>
        <source>KLD 99%</source>
        <translation>KLD 99 %</translation>
    </message>
    <message>
        <source>Same top</source>
        <translation>Gleiches Top</translation>
    </message>
    <message>
        <source>Ctx</source>
        <translation>Ktx</translation>
    </message>
    <message>
        <source>Chunks</source>
        <translation>Blöcke</translation>
    </message>
</context>
<context>
    <name>qx::ui::RunsView</name>
    <message>
        <source>Double-click a run to load its plan; right click to export as CSV</source>
        <translation>Doppelklick auf einen Lauf lädt seinen Plan; Rechtsklick exportiert als CSV</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Save the table as comma-separated values</source>
        <translation>Tabelle als kommagetrennte Werte speichern</translation>
    </message>
    <message>
        <source>Every evaluation of this session; hover the headers for what each column means.</source>
        <translation>Jede Auswertung dieser Sitzung; die Spaltenköpfe erklären beim Überfahren jede Spalte.</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>Tabelle exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
</context>
<context>
    <name>qx::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation>Systemvorgabe (%1)</translation>
    </message>
    <message>
        <source>Automatic (%1)</source>
        <translation>Automatisch (%1)</translation>
    </message>
    <message>
        <source>Threads used by the computations; automatic uses every core</source>
        <translation>Threads für die Berechnungen; automatisch nutzt alle Kerne</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation>&amp;Threads:</translation>
    </message>
    <message>
        <source>Changes take effect the next time Quantization Explorer starts.</source>
        <translation>Änderungen werden beim nächsten Start von Quantization Explorer wirksam.</translation>
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
        <translation>Ein Sprachmodell untersuchen und entscheiden, wie es quantisiert wird. Öffnen Sie eine GGUF-Datei, eine safetensors-Datei oder einen Hugging-Face-Ordner oder einen llama2.c-Checkpoint – oder ziehen Sie eines davon auf dieses Fenster.</translation>
    </message>
    <message>
        <source>Open model file…</source>
        <translation>Modelldatei öffnen …</translation>
    </message>
    <message>
        <source>A .gguf, .safetensors or llama2.c .bin file (Ctrl+O)</source>
        <translation>Eine .gguf-, .safetensors- oder llama2.c-.bin-Datei (Strg+O)</translation>
    </message>
    <message>
        <source>Open model folder…</source>
        <translation>Modellordner öffnen …</translation>
    </message>
    <message>
        <source>A Hugging Face folder with config.json and safetensors files</source>
        <translation>Ein Hugging-Face-Ordner mit config.json und safetensors-Dateien</translation>
    </message>
    <message>
        <source>Open demo model</source>
        <translation>Demo-Modell öffnen</translation>
    </message>
    <message>
        <source>A small built-in model to try the explorer without downloading anything</source>
        <translation>Ein kleines eingebautes Modell, um den Explorer ohne Download auszuprobieren</translation>
    </message>
    <message>
        <source>Recent models</source>
        <translation>Zuletzt geöffnete Modelle</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <source>Models you open will be listed here.</source>
        <translation>Geöffnete Modelle werden hier aufgeführt.</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
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
        <translation>&lt;h2&gt;Symmetrisch (Absmax) und asymmetrisch (Nullpunkt)&lt;/h2&gt;&lt;p&gt;&lt;b&gt;Symmetrisch:&lt;/b&gt; der Bereich ist ±absmax und die Schrittweite Δ = absmax / 127 bei 8 Bit. Mit absmax = 10,8 ist Δ = %1, also 3,08 → round(3,08 / Δ) = &lt;b&gt;%2&lt;/b&gt; und 3,02 → &lt;b&gt;%3&lt;/b&gt;: beide kommen als %4 zurück — der Unterschied zwischen ihnen geht verloren.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Asymmetrisch:&lt;/b&gt; der Bereich [min, max] = [−7,59, 10,8] wird auf die Codes 0…255 abgebildet: Δ = (10,8 + 7,59) / 255 = %5 und der Nullpunkt z = round(7,59 / Δ) = &lt;b&gt;%6&lt;/b&gt; (%7 in der vorzeichenbehafteten Form Code − 128). −7,59 → %8, 0 → %9, 3,08 → %10, 10,8 → %11. Kein Code wird auf der leeren Seite der Null verschwendet.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Below: the tensor&apos;s values (histogram) and the values each grid can represent.</source>
        <translation>Unten: die Werte des Tensors (Histogramm) und die Werte, die jedes Raster darstellen kann.</translation>
    </message>
    <message>
        <source>Bits: %1</source>
        <translation>Bits: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 bits&lt;/b&gt; on the tensor (one scale for the whole tensor): symmetric Δ = %2, SQNR %3 dB; asymmetric Δ = %4, z = %5, SQNR %6 dB.</source>
        <translation>&lt;b&gt;%1 Bit&lt;/b&gt; auf dem Tensor (eine Skala für den ganzen Tensor): symmetrisch Δ = %2, SQNR %3 dB; asymmetrisch Δ = %4, z = %5, SQNR %6 dB.</translation>
    </message>
    <message>
        <source>Tensor values (count per bin)</source>
        <translation>Werte des Tensors (Anzahl pro Klasse)</translation>
    </message>
    <message>
        <source>Symmetric grid</source>
        <translation>Symmetrisches Raster</translation>
    </message>
    <message>
        <source>Asymmetric grid</source>
        <translation>Asymmetrisches Raster</translation>
    </message>
    <message>
        <source>weight value</source>
        <translation>Gewichtswert</translation>
    </message>
    <message>
        <source>values per bin</source>
        <translation>Werte pro Klasse</translation>
    </message>
    <message>
        <source>asym. grid</source>
        <translation>asym. Raster</translation>
    </message>
    <message>
        <source>sym. grid</source>
        <translation>sym. Raster</translation>
    </message>
    <message>
        <source>Symmetric vs asymmetric</source>
        <translation>Symmetrisch und asymmetrisch</translation>
    </message>
</context>
<context>
    <name>qx::ui::TensorPane</name>
    <message>
        <source>Filter tensors by name (regular expression, e.g. attn_(q|k))</source>
        <translation>Tensoren nach Namen filtern (regulärer Ausdruck, z. B. attn_(q|k))</translation>
    </message>
    <message>
        <source>Shows the tensors whose name matches, with their layer (Ctrl+F)</source>
        <translation>Zeigt die Tensoren mit passendem Namen samt ihrer Schicht (Strg+F)</translation>
    </message>
    <message>
        <source>Invalid regular expression</source>
        <translation>Ungültiger regulärer Ausdruck</translation>
    </message>
    <message>
        <source>%1 of %2 tensors</source>
        <translation>%1 von %2 Tensoren</translation>
    </message>
</context>
<context>
    <name>qx::ui::TensorTreeModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Tensor name (GGUF spelling)</source>
        <translation>Tensorname (GGUF-Schreibweise)</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Dimensions, row length first (ggml order)</source>
        <translation>Dimensionen, Zeilenlänge zuerst (ggml-Reihenfolge)</translation>
    </message>
    <message>
        <source>Stored type</source>
        <translation>Gespeicherter Typ</translation>
    </message>
    <message>
        <source>Element type in the file</source>
        <translation>Elementtyp in der Datei</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Number of weights</source>
        <translation>Anzahl der Gewichte</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Bytes the tensor occupies in the file</source>
        <translation>Bytes, die der Tensor in der Datei belegt</translation>
    </message>
    <message>
        <source>Bits/weight</source>
        <translation>Bit/Gewicht</translation>
    </message>
    <message>
        <source>Storage bits per weight, block scales included</source>
        <translation>Speicherbits pro Gewicht, Block-Skalen eingeschlossen</translation>
    </message>
    <message>
        <source>mixed</source>
        <translation>gemischt</translation>
    </message>
    <message>
        <source>Tensors outside the layers: embeddings, output head, final norm</source>
        <translation>Tensoren außerhalb der Schichten: Embeddings, Ausgabekopf, letzte Normierung</translation>
    </message>
    <message>
        <source>Transformer layer %1</source>
        <translation>Transformer-Schicht %1</translation>
    </message>
    <message>
        <source>global</source>
        <translation>global</translation>
    </message>
    <message>
        <source>%1
Offset %2 in %3</source>
        <translation>%1
Offset %2 in %3</translation>
    </message>
    <message>
        <source>Stored as %1</source>
        <translation>Gespeichert als %1</translation>
    </message>
</context>
<context>
    <name>qx::ui::TensorViews</name>
    <message>
        <source>Candidate format: the tensor is quantized to it and dequantized again</source>
        <translation>Kandidatenformat: Der Tensor wird darin quantisiert und wieder dequantisiert</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>Logarithmische Skala</translation>
    </message>
    <message>
        <source>Logarithmic count axis (shows the sparse tails)</source>
        <translation>Logarithmische Häufigkeitsachse (zeigt die dünnen Ränder)</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>PNG exportieren …</translation>
    </message>
    <message>
        <source>Candidate format:</source>
        <translation>Kandidatenformat:</translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation>Verteilung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Wird berechnet …</translation>
    </message>
    <message>
        <source>Analysing %1</source>
        <translation>%1 wird analysiert</translation>
    </message>
    <message>
        <source>Cannot analyse with this format: %1</source>
        <translation>Analyse mit diesem Format nicht möglich: %1</translation>
    </message>
    <message>
        <source>%1 as %2: SQNR %3 dB, relative error %4, RMSE %5, max |error| %6, cosine %7</source>
        <translation>%1 als %2: SQNR %3 dB, relativer Fehler %4, RMSE %5, max. |Fehler| %6, Kosinus %7</translation>
    </message>
    <message>
        <source>SQNR: 10·log10(Σw² / Σe²), higher is better. Relative error: ‖e‖ / ‖w‖. RMSE: root mean square of e = dequantized − original.</source>
        <translation>SQNR: 10·log10(Σw² / Σe²), höher ist besser. Relativer Fehler: ‖e‖ / ‖w‖. RMSE: quadratisches Mittel von e = dequantisiert − original.</translation>
    </message>
    <message>
        <source>Select a tensor to see its distribution and quantization error.</source>
        <translation>Wählen Sie einen Tensor, um seine Verteilung und seinen Quantisierungsfehler zu sehen.</translation>
    </message>
    <message>
        <source>Weight distribution of %1</source>
        <translation>Gewichtsverteilung von %1</translation>
    </message>
    <message>
        <source>original</source>
        <translation>original</translation>
    </message>
    <message>
        <source>weight value</source>
        <translation>Gewichtswert</translation>
    </message>
    <message>
        <source>count (log scale)</source>
        <translation>Anzahl (log. Skala)</translation>
    </message>
    <message>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Error histogram (dequantized − original)</source>
        <translation>Fehlerhistogramm (dequantisiert − original)</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>error (weight units)</source>
        <translation>Fehler (Gewichtseinheiten)</translation>
    </message>
    <message>
        <source>SQNR per row</source>
        <translation>SQNR je Zeile</translation>
    </message>
    <message>
        <source>SQNR (dB)</source>
        <translation>SQNR (dB)</translation>
    </message>
    <message>
        <source>row (output channel)</source>
        <translation>Zeile (Ausgangskanal)</translation>
    </message>
    <message>
        <source>Outliers</source>
        <translation>Ausreißer</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Werte</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>Stufen</translation>
    </message>
    <message>
        <source>Draw the quantization grid of the block holding the largest |w| and the range the round trip can represent (values beyond it are clipped)</source>
        <translation>Zeichnet das Quantisierungsraster des Blocks mit dem größten |w| und den Bereich, den der Hin- und Rückweg darstellen kann (Werte außerhalb werden abgeschnitten)</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>Zoom zurücksetzen</translation>
    </message>
    <message>
        <source>Back to the whole histogram (drag to zoom in, wheel to zoom, Shift+drag to pan)</source>
        <translation>Zurück zum ganzen Histogramm (Ziehen vergrößert, Mausrad zoomt, Umschalt+Ziehen verschiebt)</translation>
    </message>
    <message>
        <source>Save the current tab as a PNG picture (PNG only: SVG needs Qt SVG, not installed)</source>
        <translation>Aktuellen Reiter als PNG-Bild speichern (nur PNG: SVG braucht Qt SVG, nicht installiert)</translation>
    </message>
    <message>
        <source>Statistics of %1</source>
        <translation>Statistik von %1</translation>
    </message>
    <message>
        <source>Cannot read this tensor: %1</source>
        <translation>Dieser Tensor kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Computing the round trip…</source>
        <translation>Hin- und Rückweg wird berechnet…</translation>
    </message>
    <message>
        <source>dequantized (%1)</source>
        <translation>dequantisiert (%1)</translation>
    </message>
    <message>
        <source>grid of row %1, columns %2–%3 (%4 levels)</source>
        <translation>Raster von Zeile %1, Spalten %2–%3 (%4 Stufen)</translation>
    </message>
    <message>
        <source>representable range [%1, %2]</source>
        <translation>darstellbarer Bereich [%1, %2]</translation>
    </message>
    <message>
        <source>Preview of %1</source>
        <translation>Vorschau von %1</translation>
    </message>
    <message>
        <source>Weight distribution of %1 — preview from one row in %2, exact figures follow</source>
        <translation>Gewichtsverteilung von %1 — Vorschau aus jeder %2. Zeile, genaue Werte folgen</translation>
    </message>
    <message>
        <source>original (sampled rows)</source>
        <translation>original (Stichprobe von Zeilen)</translation>
    </message>
</context>
<context>
    <name>qx::ui::TradeoffView</name>
    <message>
        <source>File size (MiB)</source>
        <translation>Dateigröße (MiB)</translation>
    </message>
    <message>
        <source>Bits per weight</source>
        <translation>Bits pro Gewicht</translation>
    </message>
    <message>
        <source>Perplexity</source>
        <translation>Perplexität</translation>
    </message>
    <message>
        <source>Mean KLD</source>
        <translation>Mittlere KLD</translation>
    </message>
    <message>
        <source>What the plan costs</source>
        <translation>Was der Plan kostet</translation>
    </message>
    <message>
        <source>What the plan loses: perplexity on the text, or mean KL divergence from the F32 model</source>
        <translation>Was der Plan verliert: Perplexität auf dem Text oder mittlere KL-Divergenz vom F32-Modell</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>PNG exportieren…</translation>
    </message>
    <message>
        <source>Save the chart as a PNG picture (PNG only: SVG needs Qt SVG, not installed)</source>
        <translation>Diagramm als PNG-Bild speichern (nur PNG: SVG braucht Qt SVG, nicht installiert)</translation>
    </message>
    <message>
        <source>x:</source>
        <translation>x:</translation>
    </message>
    <message>
        <source>y:</source>
        <translation>y:</translation>
    </message>
    <message>
        <source>Click a point to load its plan.</source>
        <translation>Klicken Sie auf einen Punkt, um seinen Plan zu laden.</translation>
    </message>
    <message>
        <source>Size against quality of every evaluated plan</source>
        <translation>Größe gegen Qualität jedes ausgewerteten Plans</translation>
    </message>
    <message>
        <source>No evaluations yet: use Evaluate or Evaluate presets</source>
        <translation>Noch keine Auswertungen: »Auswerten« oder »Voreinstellungen auswerten« verwenden</translation>
    </message>
    <message>
        <source>Pareto front</source>
        <translation>Pareto-Front</translation>
    </message>
</context>
<context>
    <name>qx::ui::ValuesModel</name>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Quantized (%1)</source>
        <translation>Quantisiert (%1)</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Differenz</translation>
    </message>
</context>
<context>
    <name>qx::ui::ValuesView</name>
    <message>
        <source>Tensor row (output channel) the window starts in</source>
        <translation>Tensorzeile (Ausgangskanal), in der das Fenster beginnt</translation>
    </message>
    <message>
        <source>Position within the row (input channel) of the first value</source>
        <translation>Position des ersten Werts in der Zeile (Eingangskanal)</translation>
    </message>
    <message>
        <source>Number of values listed (the window may run on into the next rows)</source>
        <translation>Anzahl der aufgeführten Werte (das Fenster kann in die nächsten Zeilen reichen)</translation>
    </message>
    <message>
        <source>Difference = quantized − original; right click to export as CSV</source>
        <translation>Differenz = quantisiert − original; Rechtsklick exportiert als CSV</translation>
    </message>
    <message>
        <source>Only the rows on screen are decoded and quantized.</source>
        <translation>Nur die sichtbaren Zeilen werden dekodiert und quantisiert.</translation>
    </message>
    <message>
        <source>Row:</source>
        <translation>Zeile:</translation>
    </message>
    <message>
        <source>Offset:</source>
        <translation>Versatz:</translation>
    </message>
    <message>
        <source>Count:</source>
        <translation>Anzahl:</translation>
    </message>
</context>
<context>
    <name>qx::ui::ZoomChartView</name>
    <message>
        <source>Drag to zoom in, wheel to zoom, middle button or Shift+drag to pan, right click to zoom out</source>
        <translation>Ziehen vergrößert, Mausrad zoomt, mittlere Taste oder Umschalt+Ziehen verschiebt, Rechtsklick verkleinert</translation>
    </message>
</context>
</TS>
