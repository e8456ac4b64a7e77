using System.Text.RegularExpressions;

namespace TriageBot.Text;

/// <summary>
/// Word cues the offline agent and the clusterer read feedback with. Generic product-support vocabulary only:
/// nothing here may name a product, a feature or a team.
/// </summary>
internal static partial class Cues
{
    /// <summary>Severe: the kind of words that make a support lead drop everything.</summary>
    [GeneratedRegex(@"\b(crash(es|ed|ing)?|data loss|lost (all|my|our|their|every)\b|los(e|ing) (data|work|history|everything)|corrupt(s|ed|ion)?|security|vulnerab\w*|bypass(es|ed)?|exploit\w*|leak(s|ed)? (of )?(token|secret|credential|password|key)s?|(can ?not|can't|cannot|unable to) (log ?in|sign ?in|login)|login loop|locked out|logged out|outage|data (is )?gone|all .{0,20} (are )?gone|disappear(s|ed)?)\b", RegexOptions.IgnoreCase)]
    public static partial Regex Severe();

    /// <summary>
    /// Something is wrong or missing: the marks of an actionable report. Also what reaches people late ("notifications
    /// come hours late", "arrive hours after the payment", "i get them hours later", "no notification when my salary
    /// landed"): over the 219 generated scenarios and Tillpoint's seven those forms match 1,058 reports of 71 themes and no
    /// noise (docs/benchmarks.md, "Session 35").
    /// </summary>
    // Non-backtracking: a word list with no lookaround, scanned once instead of branch by branch (`ClusteringBench cue-speed`).
    [GeneratedRegex(@"\b(bug|error|errors|fail(s|ed|ing|ure)?|broken|break(s|ing)?|can't|cannot|can not|unable|doesn't|does not|won't|isn't|not work\w*|wrong|crash\w*|slow\w*|freez\w*|hang(s|ing)?|stuck|drain(s|ed|ing)?|dies|dying|died|loses|losing|timeout|time(s|d)? out|404|missing|lost|gone|leak\w*|typo\w*|regress\w*|please (add|fix|support)|feature request|would (be|love)|wish|support for|need (a|an|to)|should|instead of|workaround|again|keeps?|every time|loop|block\w*|issue|problem|stopped|no longer|blank|(never|don't|didn't|do not|did not) (arrive|show|load|sync|update|work|appear|open|sen[dt]|sav(e|ed)|get|got|receiv|hear|notif|fire|trigger|reach)\w*|(get|gets|receive[sd]?|hear[sd]?) nothing|(couldn't|could not|couldnt|couldn’t) (\w+ )?(join|connect|log|sign|load|open|save|get|see|play|pair|reach|complete|finish|add|scan|upload|download|access|pay|book|unlock|start|stop|update|install|verify|send|use|read|hear|submit|change|cancel|delete|remove|import|export|print|sync|enable|disable|turn|set|create|check|charge|refund|redeem|apply|clock|claim)\w*|an? hour (off|early|ahead|behind)|off by (one|an? \w+|\d+)|(hours?|days?|minutes?|mins?|weeks?) (late|behind|later|after (the|i|we|it|my|our|they|you|he|she|a|an)\b)|(arrive[sd]?|arriving|comes?|coming|came|show(s|ed)? up|land(s|ed)?|deliver(s|ed)?) ((hours?|days?|minutes?|mins?|weeks?|way|too|so|very|really) )?late|(is|are|was|were|been|get|gets|got|getting) (\w+ )?delayed|delayed by|no (\w+ )?notifications? (when|for|since|about|on|after|until|at all))\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    public static partial Regex Problem();

    /// <summary>
    /// Praise and chit-chat: alone, not worth a ticket. "Welcome" greets ("welcome aboard", "welcome!", "you're welcome")
    /// only when no word it names follows: a welcome email, series or screen is a part of the product.
    /// </summary>
    [GeneratedRegex(@"\b(love|loving|great|awesome|amazing|congrats|congratulations|kudos|thanks|thank you|nice|slick|cool|til|lol|lmao\w*|haha\w*|wifi|lunch|ooo|out of office|welcome(?!\s*[\w-])|welcome(?=\s+(to|aboard|back|in|everyone|all|folks|friends|team)\b)|joined)\b", RegexOptions.IgnoreCase)]
    public static partial Regex Praise();

    /// <summary>
    /// The small-fix cue's branches that read their context (a lookaround): a typo nobody fixed, an off-by-one that is no
    /// hour, a quoted label that is no status, a 404 that is no service's answer. "The LMS API answers 404 and we swallow
    /// it" and a request log's "GET /v3/tiles/15.pbf -> 404" are an integration's bug; "the help link returns a 404" is
    /// a dead link, as is any 404 whose answering verb has a link word or a path in the 50 characters before it.
    /// </summary>
    private const string SmallFixInContextBranches = @"404s?(?<!(?<!(\b(links?|docs?|pages?|urls?|buttons?|articles?|guides?)\b|/\w).{0,50})\b(returns?|returned|returning|answers?|answered|responds?\s+with|responded\s+with)\s+(an?\s+)?404s?)(?<!(?-i:\b(GET|POST|PUT|PATCH|DELETE|HEAD))\s+/\S*[^\n]{0,40}404s?)|(?<!\b(fixed|fixing|corrected|correcting) (a |an |one |the |my |that |some |\d+ )?)typos?|off[- ]by[- ]one(?![- ](hour|day|minute|second|week|month|year)s?\b)|(says|shows|reads|displays) ['""`‘“](?![^'""`’”\n]{0,25}\d{1,2}:\d{2})(?!(connected|sent|delivered|synced|success\w*|succeeded|complete\w*|done|paid|payment|failed|active|online|up to date|ok|ready|notified|available|published|live|scheduled|enabled|verified|processed|shipped|approved|pending|enviado|in use|in progress|processing|running|busy|offline|unavailable|expired|invalid|unverified|not verified|locked|inactive|disabled|paused|stopped|in review|under review|queued|waiting|syncing|uploading|charging|not connected|disconnected|unpaid|overdue|out of stock|sold out)\b)[^'""`’”\n]{1,30}['""`’”] (while|but|even though|although|for (a|the)|on a)";

    /// <summary>The small-fix cue's other branches: plain words and shapes, no lookaround.</summary>
    private const string SmallFixWordBranches = @"misspel\w*|spelling|spelled|grammar|wrong (copy|text|wording|label|message|string|translation|word|units?)|(copy|wording|text|string|label)( (change|fix|is wrong)|[- ]only)|(change|fix|update) the (copy|wording|text|label|string)|wrongly says|says .{1,40} instead of ['""‘“*`_]+\w+|broken links?|dead links?|links? (is |are )?(broken|dead)|page not found|zero[- ]based|one[- ]based|wrong (number|count|index)|mislabel\w*|pluralis\w*|pluraliz\w*|(copy|text|string|wording) fix|(easy|quick|one[- ]line) fix|(copy|docs?)[- ](level|only)|(docs?|documentation) (fix|bug|mistake|error|typo)s?|(outdated|out[- ]of[- ]date|stale) (docs?|documentation|example|sample|snippet)|(unit|units) label|label string|hard-?coded (label|string|text|copy|unit)|(label|string|text|copy|wording|message|unit|units) (is|was|are|were) (wrong|incorrect|misleading|hard-?coded)|(misleading|confusing|incorrect) (error |warning )?(message|copy|text|wording|label|string)|(labels|columns|column (names|headers)|headers|names) (are|were|have been|got|get) (just )?(swapped|switched|reversed|flipped|mixed up)|(copy|text|wording|string|label) (bug|mistake|error)s?|(copy|wording|string) (issue|glitch|problem)s?|(when|where) (it|they|that|this) (actually )?(means?|should (say|read))|(label|text|copy|button|heading|title|column|header|tooltip|wording|caption)s? should (say|read)|labels? (swapped|reversed|backwards)|labels? (are|is|were) backwards|(label|labels|text|string|wording|copy|heading|caption)s? (is |are |was |were )?(written |shown |displayed )?(upside down|inverted|the wrong way (round|around))|(text|string) (is|are|was|were) (reversed|swapped|flipped|inverted)|labels? (is|are|was|were) (reversed|inverted)|written backwards|currencies (are |were )?(swapped|in the wrong order|reversed|the wrong way (round|around))|['""‘“]\w[^'""’”\n]{0,20}['""’”] instead of ['""‘“]|\w+ 0 of \d+|(count\w*|start\w*|begin\w*) (from|at) (zero|0)|one (behind|ahead)|one (more|less|fewer) than|one too (many|few)|(counts?|shows?|is|are) one (more|less|fewer|short)";

    /// <summary>
    /// A small, well-bounded fix: copy (also a label turned around: "the rate label is upside down", "written backwards"), a
    /// link, an off-by-one, a single string, the docs ("a docs-only fix", "an outdated example"; docs that say what the
    /// product does not do are the product's bug). A typo the writer fixed ("the episode shows up twice after I fixed a typo
    /// in its title") is what they did, not the bug; times "off by one hour" are a
    /// time-zone problem, not a counter's. A status shown against the facts ("shows 'Connected' while nothing syncs",
    /// "says 'Sent' but nothing arrives", "says 'in use' but nothing uses it") is the state's bug, not the copy's; so is
    /// a time shown ("shows 'Valid until 23:59' for the DAY24 product" is a pass that expires early).
    /// This is every branch in one pattern, whose matches the offline agent reads (<c>SmallFixJudge</c>); whether a text
    /// carries the cue at all is read faster by <see cref="MatchesSmallFixPattern"/>.
    /// </summary>
    [GeneratedRegex(@"\b(" + SmallFixInContextBranches + "|" + SmallFixWordBranches + @")\b", RegexOptions.IgnoreCase)]
    public static partial Regex SmallFix();

    [GeneratedRegex(@"\b(" + SmallFixInContextBranches + @")\b", RegexOptions.IgnoreCase)]
    private static partial Regex SmallFixInContext();

    /// <summary>
    /// The plain branches with the non-backtracking engine: one linear scan of the text. The backtracking engine tries
    /// some 55 branches one by one at every word start, about 40 µs a text; this pair takes a twelfth of that.
    /// </summary>
    [GeneratedRegex(@"\b(" + SmallFixWordBranches + @")\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex SmallFixWords();

    /// <summary>
    /// Whether <see cref="SmallFix"/> matches anywhere in <paramref name="text"/>, read as its two parts. The same answer
    /// on every one of 130,951 generated texts, in a twelfth of the time (`ClusteringBench cue-speed`).
    /// </summary>
    internal static bool MatchesSmallFixPattern(string text) => SmallFixWords().IsMatch(text) || SmallFixInContext().IsMatch(text);

    /// <summary>
    /// A request for something new (an option, a mode, an integration) rather than a report that something is broken:
    /// "feature request", "please add", "would love", "is there a way to", "X when?" (or "X when" at the end of a post).
    /// </summary>
    // Non-backtracking: a word list with no lookaround, scanned once instead of branch by branch (`ClusteringBench cue-speed`).
    [GeneratedRegex(@"\b(feature (request|ask|idea|suggestion)s?|feature:|(please|pls|plz) (add|support|make|let|allow|give|show|bring|offer)|would (be|love) (nice|great|super|awesome|helpful|useful|ideal|amazing|good)|would love|would pay|if only|i wish|we wish|wish (there|it|we|i|you)|(can|could) (you|we|they|it) (add|get|have|please|support|show|remember)|any plans? (to|for)|is there (a|any) (way|plan|option)|add (a|an) (way|option|setting|toggle|mode)|(option|ability|setting|toggle) to|should (add|support|offer|allow|let)|support for|(want|wants|wanted|asked|asking|ask) for|requests? for|request again|loudest ask|enhancement|roadmap|\w+ when(\?|\W*$))", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    public static partial Regex Request();

    /// <summary>
    /// The share of a theme's reports with a request cue at which the theme reads as a request. Lower than
    /// <see cref="SmallFixShare"/>: people ask for a feature in many ways the cues miss, while bug reports seldom use
    /// these words (`ClusteringBench cues`, one generated scenario of each of three products: 29–86 % of a feature
    /// theme's reports carry a cue, at most 22 % of a bug theme's; over 23 scenarios the two ranges overlap a little).
    /// </summary>
    public const double RequestShare = 0.3;

    /// <summary>Work that is never a small fix, whatever the copy says.</summary>
    [GeneratedRegex(@"\b(crash\w*|data loss|security|bypass\w*|redesign|architecture|refactor\w*|migrat\w*|memory|leak\w*|slow\w*|latency|performance|feature request|plugin|integration|support for|allowlist|permission model|timeout|time(s|d)? out|retry(?![- ]after)|retries)\b", RegexOptions.IgnoreCase)]
    public static partial Regex LargeWork();

    /// <summary>Two counts a step apart set against each other ("badge says 5, list shows 4"): the mark of an off-by-one.</summary>
    [GeneratedRegex(@"(?<![\d.,])(?<a>\d{1,4})(?![\d.,:])[^.\n]{0,40}?\b(but|while|whereas|vs|versus|only|list(s)?|instead)\b[^.\n]{0,30}?(?<![\d.,])(?<b>\d{1,4})(?![\d.,:])", RegexOptions.IgnoreCase)]
    private static partial Regex ContrastedCounts();

    public static bool HasOffByOneCounts(string text) =>
        ContrastedCounts().Matches(text).Any(m => Math.Abs(int.Parse(m.Groups["a"].Value, System.Globalization.CultureInfo.InvariantCulture) - int.Parse(m.Groups["b"].Value, System.Globalization.CultureInfo.InvariantCulture)) == 1);

    /// <summary>
    /// The share of a theme's reports with a small-fix cue at which the theme reads as a small fix: the agent's
    /// judgement (with more conditions) and the clusterer's notion of a theme's kind both start from it.
    /// </summary>
    public const double SmallFixShare = 0.4;

    /// <summary>Whether <paramref name="text"/> carries any small-fix cue.</summary>
    public static bool IsSmallFix(string text) => MatchesSmallFixPattern(text) || HasOffByOneCounts(text) || HasImpossibleCounter(text) || HasUnitMismatch(text);

    /// <summary>"Day 4 of 3": a counter past its own total is a display bug, however it is worded.</summary>
    [GeneratedRegex(@"\b(?<a>\d{1,3}) of (?<b>\d{1,3})\b")]
    private static partial Regex Counter();

    public static bool HasImpossibleCounter(string text) =>
        Counter().Matches(text).Any(m => int.Parse(m.Groups["a"].Value, System.Globalization.CultureInfo.InvariantCulture) > int.Parse(m.Groups["b"].Value, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>An imperial and a metric unit of the same quantity set side by side ("says ft but it's metres"): a wrong unit label.</summary>
    [GeneratedRegex(@"\b(ft|feet|foot|miles?|mph|lbs?|pounds|fahrenheit|°f)\b[^.\n]{0,60}\b(m|metres|meters|km|kilomet(re|er)s?|km/h|kph|kg|kilos?|celsius|°c)\b|\b(m|metres|meters|km|kilomet(re|er)s?|km/h|kph|kg|kilos?|celsius|°c)\b[^.\n]{0,60}\b(ft|feet|foot|miles?|mph|lbs?|pounds|fahrenheit|°f)\b", RegexOptions.IgnoreCase)]
    private static partial Regex UnitMismatch();

    public static bool HasUnitMismatch(string text) => UnitMismatch().IsMatch(text);

    /// <summary>
    /// The writer says outright that nothing is wrong: "Not a bug, just saying hi", "Not a bug report, just a thank-you",
    /// "No issue, just gratitude", "Nothing broken, just a thank-you", "No bug, the new page is lovely", "only here to
    /// say thanks". Not of a person: "alerts for drivers who did nothing wrong." is a report.
    /// </summary>
    [GeneratedRegex(@"\b((not an? (bug|issue|problem)( reports?)?|no (bug|issue|problem)s?( here)?|(?<!\b(did|do|does|done|doing) )nothing( is)? (broken|wrong))\s*[,.;:!—–-]|(just|only) (here )?(to say|wanted to say|want to say|saying|stopping by to say) (hi|hello|hey|thanks|thank you)\b|\bjust (a )?(thank[- ]you|gratitude)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex NothingWrong();

    [GeneratedRegex(@"\bkeep (it|up the good work)( up)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex SignOff();

    /// <summary>
    /// Whether <paramref name="text"/> says nothing is wrong and, with that said, names no problem at all: "Not a bug,
    /// just saying hi" does, "just wanted to say thanks for the fix, but now export is broken" does not.
    /// </summary>
    public static bool SaysNothingIsWrong(string text)
    {
        if (!NothingWrong().IsMatch(text)) return false;
        // "Keep it up" is a sign-off, not the "keeps crashing" the problem cue reads in "keep".
        var rest = SignOff().Replace(NothingWrong().Replace(text, " "), " ");
        return !Problem().IsMatch(rest);
    }

    /// <summary>
    /// A post that is not meant as feedback at all: a placeholder (titled "test" or "asdf 123", "testing the template"), or
    /// one its writer disowns ("please ignore", "sorry, wrong repo", "opened by mistake"). Read only on short posts
    /// (<see cref="IsPlaceholder"/>): in a long report "please ignore the first log" is an aside.
    /// </summary>
    [GeneratedRegex(@"^\W*(test(ing)?|asdf\w*|ignore)( (issue|post|ticket|123|please ignore))?(\.|!|$)|\b(asdf\w*|qwerty|lorem ipsum|please ignore|ignore (this|me|it)|wrong (repo|repository|project|channel)|(opened|posted|filed|created) (by mistake|in error|by accident)|test(ing)? (issue|post|ticket|the template))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Disowned();

    /// <summary>The most words a placeholder or disowned post has (<see cref="IsPlaceholder"/>).</summary>
    public const int MaxPlaceholderWords = 8;

    /// <summary>
    /// Whether a post's own words (<paramref name="opening"/>: title and body, asked for only when <paramref name="whole"/>
    /// carries a mark) are a placeholder or disowned: short, with one of <see cref="Disowned"/>'s marks.
    /// </summary>
    public static bool IsPlaceholder(string whole, Func<string> opening)
    {
        // The post's own words open the whole text: a mark in a placeholder lies in its first few words, and the rest of
        // a long report is not read.
        if (!Disowned().IsMatch(whole.AsSpan(0, PrefixOfWords(whole, MaxPlaceholderWords)))) return false;
        var own = opening();
        return SpacedWords(own) <= MaxPlaceholderWords && Disowned().IsMatch(own);
    }

    /// <summary>
    /// A post that opens by saying its writer is away: "OOO Friday, back Monday", "out of office until the 3rd", "offline
    /// this afternoon, ping me on mobile", "on PTO next week, Sam covers payouts questions". The product's words may
    /// follow (who covers what), never a problem.
    /// </summary>
    [GeneratedRegex(@"^\W*(ooo|out of (the )?office|on (pto|leave|vacation|holiday)|(offline|away|out|off) (until|till|today|tomorrow|all|this|next|for the))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Away();

    /// <summary>The most words an away notice has (<see cref="IsAwayNotice"/>).</summary>
    public const int MaxAwayWords = 20;

    /// <summary>
    /// Whether a post is an away notice: its own words (<paramref name="opening"/>, asked for only when
    /// <paramref name="whole"/> opens like one) open with <see cref="Away"/>, are brief, and nothing in the post names a problem.
    /// </summary>
    public static bool IsAwayNotice(string whole, Func<string> opening)
    {
        if (!Away().IsMatch(whole)) return false;
        var own = opening();
        return Away().IsMatch(own) && SpacedWords(own) <= MaxAwayWords && !NamesAProblem(whole);
    }

    /// <summary>Words as whitespace separates them, the way <see cref="PrefixOfWords"/> counts them.</summary>
    private static int SpacedWords(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>The length of the prefix of <paramref name="text"/> that holds its first <paramref name="words"/> words.</summary>
    private static int PrefixOfWords(string text, int words)
    {
        var seen = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) && i > 0 && !char.IsWhiteSpace(text[i - 1]) && ++seen == words) return i;
        }
        return text.Length;
    }

    /// <summary>Whether a text names a problem, a request or a fix in words: any of the report cues.</summary>
    public static bool NamesAProblem(string text) =>
        Problem().IsMatch(text) || Request().IsMatch(text) || Severe().IsMatch(text) || IsSmallFix(text);

    /// <summary>
    /// Praise and social posts in the words people use for them: "kudos for the new editor", "the dark theme is so good",
    /// "X changed how we ship", "TIL you can pipe diffs", "hot take: tests are documentation". Generic English only.
    /// </summary>
    // Non-backtracking: a word list with no lookaround, scanned once instead of branch by branch (`ClusteringBench cue-speed`).
    [GeneratedRegex(@"\b(kudos|congrats|congratulations|so good|slaps|(is|are) elite|underrated|changed (how (i|we|my|our)|my|our)|the future is now|loves (the|this|it)|saved (me|us|my)|deserves? a|proud of|shout-?outs?|love (the|this|it|using)|really (like|love|enjoy)|(works?|worked|working) (perfectly|flawlessly|like a charm|beautifully)|(super|so|very) smooth|so much (faster|better|easier|nicer|quicker)|best (thing|app|tool)|game[- ]?changer|addictive|chef'?s kiss|painless|a breeze|amazing|awesome|impressive|great (work|job|tool|app|update|product|release)|nice work|thank you|thanks (to|for|team|everyone|all)|what a time|never going back|never been (calmer|better|happier|easier|faster|smoother|simpler|quieter)|never felt (more|so|this) \w+|so (pretty|cute|beautiful|sleek)|appreciation|til|hot take|unpopular opinion|looks great)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    internal static partial Regex Praising();

    /// <summary>
    /// How often something happened: "6 times", "twice", "2x", "for the 5th time", "two of every". Not a multiplier of
    /// praise ("builds are 2x faster") or a shout ("GROW YOUR PODCAST 10X!").
    /// </summary>
    [GeneratedRegex(@"\b(\d+|two|three|four|five) times\b|\btwice\b|\b(?-i:\d+x)\b(?!\s*(faster|better|quicker|more|cheaper|bigger|smaller|less)\b)|\b\d+(st|nd|rd|th) time\b|\btwo of every\b", RegexOptions.IgnoreCase)]
    private static partial Regex CountsRepeats();

    /// <summary>A post that opens as an opinion: "hot take: …", "unpopular opinion: …".</summary>
    [GeneratedRegex(@"^\W*(@\w+\s+)*(hot take|unpopular opinion|controversial opinion|shower thought)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex Opinion();

    /// <summary>A turn that qualifies praise ("love it, but…", "great update, though export still…") or asks something.</summary>
    [GeneratedRegex(@"\b(but|though|although|however|except|still|sadly|unfortunately)\b|\?", RegexOptions.IgnoreCase)]
    private static partial Regex Qualifying();

    /// <summary>
    /// Whether a post only praises or chats: nothing in <paramref name="whole"/> (replies included) names a problem, a
    /// request or a fix, and its own words (<paramref name="opening"/>: title and body, no replies, asked for only then)
    /// praise without qualifying it, briefly. "love how it ends the task instead of retrying" is sarcasm, and says "instead
    /// of". Cheapest checks first: most items praise nothing, and most reports that do name their problem.
    /// </summary>
    /// <param name="maxWords">The longest opening that can be praise (<see cref="MaxPraiseWords"/>; the cues bench also counts without it).</param>
    /// <param name="cheers">
    /// Whether the post's own words cheer with an emoji (<see cref="Cheering"/>), asked for only when no word praises:
    /// "the new export made my week :raised_hands:" praises with the emoji, which cleaning takes out of a Slack message.
    /// </param>
    public static bool OnlyPraises(string whole, Func<string> opening, int maxWords = MaxPraiseWords, Func<bool>? cheers = null)
    {
        var praises = PraisesInOwnWords(whole);
        var cheered = !praises && cheers is not null && cheers();
        if (!praises && !cheered) return false;
        // An opinion says what people "should" do: only a request, a severe problem or a small fix in it is a report.
        if (Opinion().IsMatch(whole) ? Request().IsMatch(whole) || Severe().IsMatch(whole) || IsSmallFix(whole) : NamesAProblem(whole)) return false;
        // Praise that counts how often something happened is sarcasm: "downloaded the same patch 6 times today thanks to the
        // launcher", "two of every activity … 2x".
        if (CountsRepeats().IsMatch(whole)) return false;
        var own = opening();
        return SpacedWords(own) <= maxWords && (cheered || PraisesInOwnWords(own)) && !Qualifying().IsMatch(own);
    }

    /// <summary>
    /// Whether the text praises outside quotes: quoted words are the product's copy being reported ("the receipt says
    /// 'Thank you for you order'"), not praise. The quotes are taken out only when a praise word was found at all.
    /// </summary>
    private static bool PraisesInOwnWords(string text) => OutsideQuotes(Praising(), text);

    /// <summary>Whether a praise or chit-chat word (<see cref="Praise"/>) is the writer's own, not inside quoted copy.</summary>
    public static bool PraisesOutsideQuotes(string text) => OutsideQuotes(Praise(), text);

    private static bool OutsideQuotes(Regex words, string text) => words.IsMatch(text) && words.IsMatch(QuotedCopy().Replace(text, " "));

    /// <summary>Words in quotes or backticks, not an apostrophe inside a word ("it's", "don't").</summary>
    [GeneratedRegex(@"(?<!\w)(['‘`][^'’`\n]{1,120}['’`]|[""“][^""”\n]{1,120}[""”])(?!\w)")]
    private static partial Regex QuotedCopy();

    /// <summary>
    /// Emoji people cheer with, as posts write them and as Slack codes them (":tada:"). A report carries them seldom
    /// and then beside words that name its problem, which <see cref="OnlyPraises"/> checks first.
    /// </summary>
    [GeneratedRegex(@"🙌|👏|🎉|😍|🤩|💯|🥳|🚀|❤️|:(raised_hands|clap|tada|heart_eyes|heart|star-struck|100|partying_face|rocket):")]
    public static partial Regex Cheering();

    /// <summary>
    /// Praise is brief: a longer post describes something, in words the problem cues may not know ("sits on 'Thinking…'
    /// for a minute", "ignores HTTPS_PROXY"), and may sign off with "Thanks for the great tool". In the 100k reference
    /// scenario the rule takes 163 of 98,198 theme reports without this cap and 3 with it, and 3,672 of 17,132 noise
    /// posts either way (`ClusteringBench cues` prints both).
    /// </summary>
    public const int MaxPraiseWords = 20;

    public static int CountItems(IEnumerable<string> texts, Regex regex) => texts.Count(t => regex.IsMatch(t));
}
