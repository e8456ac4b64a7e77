using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using TriageBot.Clustering;
using TriageBot.Clustering.Embeddings;
using TriageBot.Domain;
using TriageBot.Evaluation;
using TriageBot.Reports;

/// <summary>Clusters scenario files as the pipeline would (every theme with >= 2 items ticketed unless held) and scores them.</summary>
internal static class ScenarioBench
{
    public static async Task RunAsync(string[] args)
    {
        var o = new ClusteringOptions();
        var files = new List<string>();
        var verbose = false;
        var pairs = false;
        SiblingProbe? siblings = null;
        var links = false;
        double? noisedBar = null;
        var noised = new NoisedNearest();
        string? nuisanceFile = null;
        var nuisanceCount = 0;
        var nuisanceKeep = 0.0;
        var themeScores = false;
        var daily = false;
        MergeJudge? merges = null;
        var tally = new ScenarioTally();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => args[++i];
            switch (args[i])
            {
                case "--merge": o.MergeSimilarity = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--smallfixsplit": o.SmallFixSplitSimilarity = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--splitshare": o.SmallFixSplitMinShare = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--join": o.JoinSimilarity = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--margin": o.ActionabilityMargin = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--weight": o.EmbeddingWeight = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--features": o.Features = Enum.Parse<FeatureKind>(Next(), true); break;
                case "--foreign": o.ForeignJoinSimilarity = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--min": o.MinThemeSize = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--frag": o.FragmentSimilarity = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--gmargin": o.GroupActionabilityMargin = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--tsim": o.TermMergeSimilarity = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--tshared": o.TermMergeSharedTerms = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--ttop": o.TermMergeTopTerms = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--automerge": o.AutoMergeSimilarity = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--persource": o.CentrePerSource = bool.Parse(Next()); break;
                case "--settle": o.SettleSimilarity = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--smargin": o.SettleMargin = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--turneddown": o.TurnedDownJoinSimilarity = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--rounds": o.SettleRounds = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--maxdirect": o.MaxDirectItems = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--kindmerge": o.KindMergeSimilarity = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--fragkindmerge": o.FragmentKindMergeSimilarity = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--leftover": o.LeftoverSimilarity = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--leftovermin": o.LeftoverMinThemeSize = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--leftoverfar": o.LeftoverThemeDistance = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--cueshare": o.GroupReportCueShare = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--seed": o.Seed = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--projections": o.LexicalProjections = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--ssshare": o.SingleSourceShare = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--ssmargin": o.SingleSourceActionabilityMargin = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--labelmerge": o.LabelMergeSimilarity = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--labelagree": o.LabelMergeAgreement = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--labelsole": o.LabelMergeSoleAreaMinIssues = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--labelmin": o.LabelMergeMinIssues = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--labeljoin": o.JoinLabelledIssues = Next() == "1"; break;
                case "--labelveto": o.LabelVetoAgreement = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--labelcap": o.LabelMergeFragmentsOnly = Next() == "1"; break;
                case "--solecap": o.LabelMergeSoleAreaFragmentsOnly = Next() == "1"; break;
                case "--labelany": o.LabelMergeAnySizeSimilarity = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--kindshare": o.KindMergeFragmentShare = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--noised": noisedBar = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--nuisance": nuisanceFile = Next(); break;
                case "--nk": nuisanceCount = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--keep": nuisanceKeep = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--themescores": themeScores = true; break;
                case "--daily": daily = true; break;
                case "--release": o.ReleaseSimilarity = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "-v": verbose = true; break;
                case "--merges": merges = new MergeJudge(); break;
                case "--pairs": pairs = true; break;
                case "--siblings": siblings = new SiblingProbe(); break;
                case "--links": links = true; break;
                case "--hold": o.HoldFragmentSimilarity = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                default: files.Add(args[i]); break;
            }
        }
        using var generator = new MiniLmEmbeddingGenerator(o.Embeddings.MaxTokens);
        var store = FileEmbeddingStore.Shared();
        var embedder = new ItemEmbedder(generator, store);
        var classifier = new ActionabilityClassifier(generator) { Margin = o.ActionabilityMargin };
        var opts = Options.Create(o);
        // As the product: the shipped language direction, unless --nuisance FILE (with --nk, --keep) or --nuisance none.
        var nuisance = nuisanceFile is null ? ClusteringServiceCollectionExtensions.NuisanceFor(o.Embeddings) : null;
        if (nuisanceFile is not null and not "none")
        {
            using var reader = File.OpenText(nuisanceFile);
            nuisance = NuisanceProjection.Read(reader, nuisanceCount, nuisanceKeep);
        }
        var clusterer = new ThemeClusterer(new ThemeFeaturizer(embedder, o, nuisance), classifier,
            new ThemeOverrides(new InMemoryThemeOverrideStore(), opts, TimeProvider.System), opts, TimeProvider.System);
        var actionability = new ThemeActionability(embedder, classifier);
        foreach (var file in files)
        {
            var items = ScenarioItems.LoadAsConfigured(file);
            var truth = ScenarioTruth.Load(file);
            var sw = Stopwatch.StartNew();
            var result = daily ? await DailyRuns.RunAsync(clusterer, items, truth) : await clusterer.ClusterAsync(items, [], default);
            var seconds = sw.Elapsed.TotalSeconds;
            var report = ToReport(result);
            var score = ScenarioScorer.Score(truth, report);
            Console.WriteLine($"{Path.GetFileName(file)}: items {items.Count} themes {result.Themes.Count} noise {result.Noise.Count} ({seconds:F1}s)  " +
                $"recall {score.ThemeRecall:F3} purity {score.TicketPurity:F3} dup {score.DuplicateTickets} noiseFiled {score.NoiseFiledRate:F3} nmi {score.Nmi:F3} missing {score.ItemsMissing}");
            tally.Add(file, score);
            if (verbose) Explain(items, truth, result, await actionability.ScorerAsync(items));
            if (themeScores) await actionability.AddAsync(items, truth, result);
            merges?.Add(Path.GetFileName(file), truth, result, items);
            if (noisedBar is { } bar) noised.Add(items, truth, result, bar);
            if (links)
            {
                // How often an item that links another is about the same truth theme.
                var labels = truth.Labels();
                var found = ItemReferences.Find(items).Where(l => labels.ContainsKey(items[l.From].Id) && labels.ContainsKey(items[l.To].Id)).ToList();
                Console.WriteLine($"  links {found.Count}, same truth theme {found.Count(l => labels[items[l.From].Id] == labels[items[l.To].Id])}");
            }
            if (siblings is not null || pairs)
            {
                // The run's features as the clusterer built them (the same featuriser and options), for the readings below.
                var texts = items.Select(ItemText.For).ToList();
                var (vecs, _) = await new ThemeFeaturizer(embedder, o, nuisance).FeaturizeAsync(items.Select(x => x.ContentHash).ToList(), texts, null, default, items.Select(x => x.Source.ToString()).ToList());
                siblings?.Add(Path.GetFileName(file), items, truth, result, vecs);
                if (pairs) PairStats(items, truth, result, vecs, new DistinctiveTerms(texts));
            }
        }
        if (noisedBar is not null) noised.Print(noisedBar.Value);
        if (themeScores) actionability.Print();
        merges?.Print();
        siblings?.Print();
        tally.Print();
    }

    internal static RunReport ToReport(ClusteringResult result) => new()
    {
        RunId = "bench", Started = DateTimeOffset.UnixEpoch, Finished = DateTimeOffset.UnixEpoch,
        Items = new ReportItems { Fetched = 0, BySource = new Dictionary<string, int>(), Noise = result.Noise },
        Themes = result.Themes.Select(t => new ReportTheme
        {
            Id = t.Id, Title = t.Id, Summary = "", Items = t.ItemIds, Trend = "new",
            // As the pipeline files them: a theme held beside a larger one it reads like gets no ticket (ClusteringResult.Held).
            Ticket = t.ItemIds.Count >= 2 && !result.Held.ContainsKey(t.Id) ? new ReportTicket("X-1", "u", "created") : null,
        }).ToList(),
        ApiCalls = new Dictionary<string, long>(), LlmTokens = new ReportTokens(0, 0), TimingsMs = new Dictionary<string, long>(),
    };

    private static void PairStats(List<FeedbackItem> items, ScenarioTruth truth, ClusteringResult result, float[][] vecs, DistinctiveTerms terms)
    {
        var labels = truth.Labels();
        var idx = items.Select((it, i) => (it.Id, i)).ToDictionary(x => x.Id, x => x.i);
        string Maj(Theme t) => t.ItemIds.GroupBy(id => labels.GetValueOrDefault(id, "?")).OrderByDescending(g => g.Count()).First().Key;
        float Dot(float[] a, float[] b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);
        double MeanPair(List<float[]> a, List<float[]> b, bool same)
        {
            double sum = 0; var n = 0;
            for (var x = 0; x < a.Count; x++)
                for (var y = same ? x + 1 : 0; y < b.Count; y++) { sum += Dot(a[x], b[y]); n++; }
            return n == 0 ? 0 : sum / n;
        }
        float[] Cent(IEnumerable<float[]> vs) { var l = vs.ToList(); var c = new float[l[0].Length]; foreach (var v in l) System.Numerics.Tensors.TensorPrimitives.Add(c, v, c); var nrm = System.Numerics.Tensors.TensorPrimitives.Norm(c); System.Numerics.Tensors.TensorPrimitives.Divide(c, nrm, c); return c; }
        var ts = result.Themes.Where(t => t.ItemIds.Count >= 2).ToList();
        HashSet<string> Top(Theme t) => terms.Top(t.ItemIds.Where(idx.ContainsKey).Select(id => idx[id]).ToList(), 8);
        string Src(Theme t) => string.Concat(t.ItemIds.Where(idx.ContainsKey).Select(id => items[idx[id]].Source.ToString()[0]).Order());
        for (var a = 0; a < ts.Count; a++)
            for (var b = a + 1; b < ts.Count; b++)
            {
                var va = ts[a].ItemIds.Where(idx.ContainsKey).Select(id => vecs[idx[id]]).ToList();
                var vb = ts[b].ItemIds.Where(idx.ContainsKey).Select(id => vecs[idx[id]]).ToList();
                var ca = Cent(va); var cb = Cent(vb);
                var csim = Dot(ca, cb);
                if (csim < 0.2) continue;
                double wa = MeanPair(va, va, true), wb = MeanPair(vb, vb, true), cross = MeanPair(va, vb, false);
                var ratio = cross / Math.Sqrt(Math.Max(1e-6, wa * wb));
                // leave-one-out: share of items nearer the other theme's centroid than their own (without themselves)
                var wrong = 0;
                foreach (var (own, other) in new[] { (va, cb), (vb, ca) })
                    for (var k = 0; k < own.Count; k++)
                    {
                        var loo = own.Count > 1 ? Cent(own.Where((_, j) => j != k)) : own[k];
                        if (Dot(own[k], other) >= Dot(own[k], loo)) wrong++;
                    }
                // kNN mixing within A∪B: share of each item's 3 nearest (in A∪B) from the other theme, over the share expected at random
                var all = va.Select(v => (v, 0)).Concat(vb.Select(v => (v, 1))).ToList();
                double obs = 0, exp = 0;
                for (var x = 0; x < all.Count; x++)
                {
                    var near = all.Select((y, j) => (j, sim: j == x ? -9 : Dot(all[x].v, y.v))).OrderByDescending(z => z.sim).Take(3).ToList();
                    obs += near.Count(z => all[z.j].Item2 != all[x].Item2) / 3.0;
                    var otherCount = all[x].Item2 == 0 ? vb.Count : va.Count;
                    exp += (double)otherCount / (all.Count - 1);
                }
                var knnx = obs / exp;
                // bridges: largest cross pair similarity relative to the mean within
                var maxCross = va.SelectMany(x => vb.Select(y => Dot(x, y))).Max();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  PS knnx {knnx:F2} maxx {maxCross:F2} {(Maj(ts[a]) == Maj(ts[b]) ? "SAME" : "diff")} csim {csim:F3} ratio {ratio:F3} cross {cross:F3} wa {wa:F3} wb {wb:F3} loo {(double)wrong / (va.Count + vb.Count):F2} n {va.Count}+{vb.Count} {Maj(ts[a])}~{Maj(ts[b])} src {Src(ts[a])}|{Src(ts[b])} T {string.Join(",", Top(ts[a]).Intersect(Top(ts[b])))} A {string.Join(",", Top(ts[a]).Except(Top(ts[b])))} B {string.Join(",", Top(ts[b]).Except(Top(ts[a])))}"));
            }
    }

    private static void Explain(List<FeedbackItem> items, ScenarioTruth truth, ClusteringResult result, Func<Theme, ThemeActionability.Scores> act)
    {
        var labels = truth.Labels();
        var byId = items.ToDictionary(i => i.Id);
        string Text(string id) => byId.TryGetValue(id, out var it) ? ItemText.For(it) is var t && t.Length > 110 ? t[..110] : ItemText.For(it) : "?";
        var cues = new ReportCues(items);
        var position = items.Select((item, i) => (item.Id, i)).ToDictionary(x => x.Id, x => x.i);
        List<int> Members(Theme t) => t.ItemIds.Where(position.ContainsKey).Select(id => position[id]).ToList();
        ThemeKind Kind(Theme t) => cues.KindOf(Members(t));
        foreach (var t in result.Themes)
        {
            var counts = t.ItemIds.GroupBy(id => labels.GetValueOrDefault(id, "?")).OrderByDescending(g => g.Count()).ToList();
            var majority = counts[0].Key;
            // The kind as the clusterer reads it, and "held like th-…" for a theme filed without a ticket beside the larger theme it reads like.
            var english = Members(t).Where(cues.English).ToList();
            var named = english.Count == 0 ? 0 : (double)english.Count(cues.NamesAProblem) / english.Count;
            Console.WriteLine($"  THEME {t.Id} n={t.ItemIds.Count} majority={majority} kind={Kind(t)}{(result.Held.TryGetValue(t.Id, out var like) ? $" held like {like.ThemeId}" : "")} {act(t)} named {named:F2} " + string.Join(" ", counts.Select(g => $"{g.Key}:{g.Count()}")));
            if (Environment.GetEnvironmentVariable("ALLITEMS") is "1")
                foreach (var id in t.ItemIds.Where(id => labels.GetValueOrDefault(id) == majority)) Console.WriteLine($"      item {id.Split(':')[0]} {Text(id)}");
            foreach (var id in t.ItemIds.Where(id => labels.GetValueOrDefault(id) != majority))
                Console.WriteLine($"      stray [{labels.GetValueOrDefault(id, "?")}] " + (byId.TryGetValue(id, out var si) && si.Labels.Count > 0 ? $"labels {string.Join(",", si.Labels)} " : "") + Text(id));
        }
        foreach (var e in result.Events.Where(e => e.Kind is "merged" or "split"))
            Console.WriteLine($"  EVENT {e.Kind} {e.ThemeId} {(e.Kind == "merged" ? "<-" : "->")} {e.OtherThemeId}: {e.Reason}");
        var vecs = result.Themes.ToDictionary(t => t.Id, t => t.Centroid);
        // As the clusterer reads labels (one labelled issue a side; "na" when the labels say nothing).
        var labelAgreement = new LabelAgreement(items);
        LabelProfile? Profile(Theme t) => labelAgreement.ProfileOf(t.ItemIds.Where(position.ContainsKey).Select(id => position[id]));
        string LabelAgreement(Theme a, Theme b) => labelAgreement.Of(Profile(a), Profile(b))?.ToString("F2", CultureInfo.InvariantCulture) ?? "na";
        var labelled = items.Where(i => i.Labels.Count > 0).ToList();
        Console.WriteLine($"  LABELS {labelled.Count} labelled issues; most used: " + string.Join(", ", labelled.SelectMany(i => i.Labels.Distinct())
            .CountBy(l => l).OrderByDescending(x => x.Value).Take(4).Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Key} {(double)x.Value / labelled.Count:P0}"))));
        for (var a = 0; a < result.Themes.Count; a++)
            for (var b = a + 1; b < result.Themes.Count; b++)
            {
                var ta = result.Themes[a]; var tb = result.Themes[b];
                if (ta.Centroid.Length != tb.Centroid.Length || ta.Centroid.Length == 0) continue;
                var sim = System.Numerics.Tensors.TensorPrimitives.Dot(ta.Centroid, tb.Centroid);
                string Maj(Theme t) => t.ItemIds.GroupBy(id => labels.GetValueOrDefault(id, "?")).OrderByDescending(g => g.Count()).First().Key;
                if (sim > 0.25) Console.WriteLine($"  PAIR {sim:F3} {(Maj(ta) == Maj(tb) ? "SAME" : "diff")} {Maj(ta)}({ta.ItemIds.Count}) ~ {Maj(tb)}({tb.ItemIds.Count}) kinds {Kind(ta)}/{Kind(tb)} labels {LabelAgreement(ta, tb)}");
            }
        // Truth themes of 3+ items that no ticketed theme holds half of: where their items went.
        var majorityOf = result.Themes.ToDictionary(t => t.Id, t => t.ItemIds.GroupBy(id => labels.GetValueOrDefault(id, "?")).OrderByDescending(g => g.Count()).First().Key);
        var placedIn = result.Themes.SelectMany(t => t.ItemIds.Select(id => (id, t.Id))).ToDictionary(x => x.id, x => x.Id);
        foreach (var truthTheme in labels.Where(l => l.Value != "noise").GroupBy(l => l.Value))
        {
            var ids = truthTheme.Select(l => l.Key).ToList();
            if (ids.Count < 3) continue;
            var where = ids.GroupBy(id => placedIn.GetValueOrDefault(id, "noise")).OrderByDescending(g => g.Count()).ToList();
            var ok = where.Any(g => g.Key != "noise" && majorityOf[g.Key] == truthTheme.Key && g.Count() * 2 >= ids.Count);
            if (!ok) Console.WriteLine($"  MISS {truthTheme.Key} ({ids.Count}): " + string.Join(", ", where.Select(g => g.Key == "noise" ? $"noise {g.Count()}" : $"{g.Key}[{majorityOf[g.Key]}] {g.Count()}")));
        }
        var themeOf = result.Themes.SelectMany(t => t.ItemIds.Select(id => (id, t.Id))).ToDictionary(x => x.id, x => x.Id);
        foreach (var id in result.Noise.Where(id => labels.GetValueOrDefault(id) is { } l && l != "noise"))
            Console.WriteLine($"  NOISED [{labels[id]}] " + (byId.TryGetValue(id, out var ni) && ni.Labels.Count > 0 ? $"labels {string.Join(",", ni.Labels)} " : "") + (result.NoiseNearest.TryGetValue(id, out var nn) ? $"near {nn.Similarity:F2} {result.Themes.First(t => t.Id == nn.ThemeId).ItemIds.GroupBy(x => labels.GetValueOrDefault(x, "?")).OrderByDescending(g => g.Count()).First().Key} " : "") + Text(id));
    }
}

internal static class ActionabilityBench
{
    public static async Task RunAsync(string file)
    {
        using var generator = new MiniLmEmbeddingGenerator();
        var embedder = new ItemEmbedder(generator, FileEmbeddingStore.Shared());
        var classifier = new ActionabilityClassifier(generator);
        await classifier.EnsurePrototypesAsync(default);
        var items = ScenarioItems.Load(file);
        var labels = ScenarioTruth.Load(file).Labels();
        var texts = items.Select(ItemText.For).ToList();
        var vectors = await embedder.EmbedAsync(items.Select(i => i.ContentHash).ToList(), texts, null, default);
        var rows = items.Select((it, i) => (score: classifier.Score(vectors[i]), noise: labels[it.Id] == "noise", words: ActionabilityClassifier.WordCount(texts[i]), text: texts[i].Length > 100 ? texts[i][..100] : texts[i])).OrderBy(r => r.score).ToList();
        foreach (var r in rows) Console.WriteLine($"{r.score,7:F3} {(r.noise ? "NOISE" : "theme")} w={r.words,3} {r.text}");
    }
}
