<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>Cadence</name>
    <message>
        <source>&quot;%1&quot; is not a touch: a day and a kind (%2), such as &quot;2 call&quot;</source>
        <translation>&quot;%1&quot; is geen contactmoment: een dag en een soort (%2), zoals &quot;2 call&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the touches must be in day order</source>
        <translation>&quot;%1&quot;: de contactmomenten moeten op volgorde van dag staan</translation>
    </message>
    <message>
        <source>a cadence needs at least one touch, such as &quot;0 email, 2 call&quot;</source>
        <translation>een cadans heeft minstens één contactmoment nodig, zoals &quot;0 email, 2 call&quot;</translation>
    </message>
    <message>
        <source>cadence &quot;%1&quot;: a touch without a day or a known kind (%2)</source>
        <translation>cadans &quot;%1&quot;: een contactmoment zonder dag of bekende soort (%2)</translation>
    </message>
    <message>
        <source>cadence &quot;%1&quot; has no touches</source>
        <translation>cadans &quot;%1&quot; heeft geen contactmomenten</translation>
    </message>
</context>
<context>
    <name>CadenceDialog</name>
    <message>
        <source>Cadences</source>
        <translation>Cadansen</translation>
    </message>
    <message>
        <source>&amp;New cadence</source>
        <translation>&amp;Nieuwe cadans</translation>
    </message>
    <message>
        <source>&amp;Remove cadence</source>
        <translation>Cadans &amp;verwijderen</translation>
    </message>
    <message>
        <source>Cadence name</source>
        <translation>Naam van de cadans</translation>
    </message>
    <message>
        <source>N&amp;ame:</source>
        <translation>N&amp;aam:</translation>
    </message>
    <message>
        <source>What the cadence is for</source>
        <translation>Waarvoor de cadans dient</translation>
    </message>
    <message>
        <source>&amp;For:</source>
        <translation>&amp;Doel:</translation>
    </message>
    <message>
        <source>Touches, by day</source>
        <translation>Contactmomenten, per dag</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <source>Touch</source>
        <translation>Contactmoment</translation>
    </message>
    <message>
        <source>Add &amp;touch</source>
        <translation>&amp;Contactmoment toevoegen</translation>
    </message>
    <message>
        <source>Remove t&amp;ouch</source>
        <translation>Contactmoment v&amp;erwijderen</translation>
    </message>
    <message>
        <source>&amp;Save cadence</source>
        <translation>Cadans &amp;opslaan</translation>
    </message>
    <message>
        <source>day </source>
        <translation>dag </translation>
    </message>
    <message>
        <source>Day of touch %1</source>
        <translation>Dag van contactmoment %1</translation>
    </message>
    <message>
        <source>Kind of touch %1</source>
        <translation>Soort contactmoment %1</translation>
    </message>
    <message>
        <source>Give the cadence a name.</source>
        <translation>Geef de cadans een naam.</translation>
    </message>
    <message>
        <source>Cadence &quot;%1&quot; needs at least one touch.</source>
        <translation>Cadans &quot;%1&quot; heeft minstens één contactmoment nodig.</translation>
    </message>
</context>
<context>
    <name>CadenceRepository</name>
    <message>
        <source>cannot read the cadences: %1</source>
        <translation>kan de cadansen niet lezen: %1</translation>
    </message>
    <message>
        <source>no cadence named &quot;%1&quot;</source>
        <translation>geen cadans met de naam &quot;%1&quot;</translation>
    </message>
    <message>
        <source>cannot save cadence &quot;%1&quot;: %2</source>
        <translation>kan cadans &quot;%1&quot; niet opslaan: %2</translation>
    </message>
    <message>
        <source>cannot remove cadence &quot;%1&quot;: %2</source>
        <translation>kan cadans &quot;%1&quot; niet verwijderen: %2</translation>
    </message>
    <message>
        <source>cadence &quot;%1&quot; cannot be removed: 1 lead is enrolled in it</source>
        <translation>cadans &quot;%1&quot; kan niet worden verwijderd: er is 1 lead in ingeschreven</translation>
    </message>
    <message>
        <source>cadence &quot;%1&quot; cannot be removed: %2 leads are enrolled in it</source>
        <translation>cadans &quot;%1&quot; kan niet worden verwijderd: er zijn %2 leads in ingeschreven</translation>
    </message>
    <message>
        <source>a cadence needs a name</source>
        <translation>een cadans heeft een naam nodig</translation>
    </message>
</context>
<context>
    <name>CalibrationChart</name>
    <message>
        <source>Calibration of the win probability</source>
        <translation>Kalibratie van de winkans</translation>
    </message>
    <message>
        <source>Predicted vs. actual win rate</source>
        <translation>Voorspelde en werkelijke winratio</translation>
    </message>
    <message>
        <source>Perfect</source>
        <translation>Perfect</translation>
    </message>
    <message>
        <source>This database</source>
        <translation>Deze database</translation>
    </message>
    <message>
        <source>Predicted win probability (%)</source>
        <translation>Voorspelde winkans (%)</translation>
    </message>
    <message>
        <source>Actually won (%)</source>
        <translation>Werkelijk gewonnen (%)</translation>
    </message>
    <message>
        <source>Not enough closed leads to measure the win probability yet</source>
        <translation>Nog niet genoeg afgesloten leads om de winkans te meten</translation>
    </message>
</context>
<context>
    <name>CampaignChart</name>
    <message>
        <source>Campaigns</source>
        <translation>Campagnes</translation>
    </message>
    <message>
        <source>Leads, qualified and won per campaign</source>
        <translation>Leads, gekwalificeerd en gewonnen per campagne</translation>
    </message>
    <message>
        <source>No leads in this selection</source>
        <translation>Geen leads in deze selectie</translation>
    </message>
    <message>
        <source>(no campaign)</source>
        <translation>(geen campagne)</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation>Gekwalificeerd</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Gewonnen</translation>
    </message>
    <message>
        <source>%1: %2 leads, %3 qualified, %4 won</source>
        <translation>%1: %2 leads, %3 gekwalificeerd, %4 gewonnen</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campagne</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <source>Contact me</source>
        <translation>Neem contact met mij op</translation>
    </message>
    <message>
        <source>Free trial</source>
        <translation>Gratis proefversie</translation>
    </message>
    <message>
        <source>Test drive</source>
        <translation>Testrit</translation>
    </message>
    <message>
        <source>In-demand generation</source>
        <translation>Vraaggeneratie</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evenement</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Overig</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Campagnes</translation>
    </message>
    <message>
        <source>Campaigns and their leads</source>
        <translation>Campagnes en hun leads</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campagne</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Storefront</source>
        <translation>Storefront</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>New campaign&apos;s name</source>
        <translation>Naam van de nieuwe campagne</translation>
    </message>
    <message>
        <source>Any storefront</source>
        <translation>Elke storefront</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Toevoegen</translation>
    </message>
    <message>
        <source>&amp;Link 1 selected lead</source>
        <translation>1 geselecteerde lead &amp;koppelen</translation>
    </message>
    <message>
        <source>&amp;Link %L1 selected leads</source>
        <translation>%L1 geselecteerde leads &amp;koppelen</translation>
    </message>
    <message>
        <source>Link the leads selected in the table to the chosen campaign</source>
        <translation>De in de tabel geselecteerde leads aan de gekozen campagne koppelen</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Elke</translation>
    </message>
    <message>
        <source>Give the campaign a name.</source>
        <translation>Geef de campagne een naam.</translation>
    </message>
    <message>
        <source>Link 1 lead to %1</source>
        <translation>1 lead aan %1 koppelen</translation>
    </message>
    <message>
        <source>Link %L1 leads to %2</source>
        <translation>%L1 leads aan %2 koppelen</translation>
    </message>
</context>
<context>
    <name>CampaignRepository</name>
    <message>
        <source>cannot read the campaigns: %1</source>
        <translation>kan de campagnes niet lezen: %1</translation>
    </message>
    <message>
        <source>no campaign named &quot;%1&quot;</source>
        <translation>geen campagne met de naam &quot;%1&quot;</translation>
    </message>
    <message>
        <source>a campaign needs a name</source>
        <translation>een campagne heeft een naam nodig</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a storefront (appsource, azure-marketplace, azure-portal, other)</source>
        <translation>&quot;%1&quot; is geen storefront (appsource, azure-marketplace, azure-portal, other)</translation>
    </message>
    <message>
        <source>a campaign named &quot;%1&quot; exists already</source>
        <translation>er bestaat al een campagne met de naam &quot;%1&quot;</translation>
    </message>
    <message>
        <source>cannot add campaign &quot;%1&quot;: %2</source>
        <translation>kan campagne &quot;%1&quot; niet toevoegen: %2</translation>
    </message>
    <message>
        <source>cannot read the campaign rules: %1</source>
        <translation>kan de campagneregels niet lezen: %1</translation>
    </message>
    <message>
        <source>a campaign rule needs an action code (PLT, INS, ...)</source>
        <translation>een campagneregel heeft een actiecode nodig (PLT, INS, ...)</translation>
    </message>
    <message>
        <source>cannot store the campaign rule: %1</source>
        <translation>kan de campagneregel niet opslaan: %1</translation>
    </message>
    <message>
        <source>cannot make campaigns of the leads&apos; campaign texts: %1</source>
        <translation>kan geen campagnes maken van de campagneteksten van de leads: %1</translation>
    </message>
    <message>
        <source>cannot read the leads without a campaign: %1</source>
        <translation>kan de leads zonder campagne niet lezen: %1</translation>
    </message>
    <message>
        <source>campaign &quot;%1&quot; ends (%2) before it starts (%3)</source>
        <translation>campagne &quot;%1&quot; eindigt (%2) voordat ze begint (%3)</translation>
    </message>
</context>
<context>
    <name>ChartStyle</name>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
</context>
<context>
    <name>ChartsDashboard</name>
    <message>
        <source>%1 leads that reached %2</source>
        <translation>%1 leads die %2 bereikten</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>%1 leads of %2</source>
        <translation>%1 leads van %2</translation>
    </message>
    <message>
        <source>%1 leads from %2</source>
        <translation>%1 leads vanaf %2</translation>
    </message>
    <message>
        <source>Grade %1 leads</source>
        <translation>Leads met klasse %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>Leads of campaign %1</source>
        <translation>Leads van campagne %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
    <message>
        <source>Date range</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Laatste 30 dagen</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Laatste 90 dagen</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>Dit kwartaal</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Laatste 12 maanden</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Altijd</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Aangepast…</translation>
    </message>
    <message>
        <source>From</source>
        <comment>the first day of the charts&apos; period</comment>
        <translation>Van</translation>
    </message>
    <message>
        <source>To</source>
        <comment>the last day of the charts&apos; period</comment>
        <translation>Tot en met</translation>
    </message>
    <message>
        <source>Storefront</source>
        <translation>Storefront</translation>
    </message>
    <message>
        <source>All storefronts</source>
        <translation>Alle storefronts</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>Aanbieding</translation>
    </message>
    <message>
        <source>All offers</source>
        <translation>Alle aanbiedingen</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eigenaar</translation>
    </message>
    <message>
        <source>Any owner</source>
        <translation>Elke eigenaar</translation>
    </message>
    <message>
        <source>Trend interval</source>
        <translation>Trendinterval</translation>
    </message>
    <message>
        <source>Per month</source>
        <translation>Per maand</translation>
    </message>
    <message>
        <source>Per week</source>
        <translation>Per week</translation>
    </message>
    <message>
        <source>Trend stacked by</source>
        <translation>Trend gestapeld per</translation>
    </message>
    <message>
        <source>By storefront</source>
        <translation>Per storefront</translation>
    </message>
    <message>
        <source>By action</source>
        <translation>Per actie</translation>
    </message>
    <message>
        <source>Offers sorted by</source>
        <translation>Aanbiedingen gesorteerd op</translation>
    </message>
    <message>
        <source>Offers by leads</source>
        <translation>Aanbiedingen op leads</translation>
    </message>
    <message>
        <source>Offers by conversion</source>
        <translation>Aanbiedingen op conversie</translation>
    </message>
    <message>
        <source>Offers by average score</source>
        <translation>Aanbiedingen op gemiddelde score</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Lezen…</translation>
    </message>
    <message>
        <source>Cannot read the charts&apos; numbers</source>
        <translation>Kan de cijfers van de grafieken niet lezen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <source>Save this chart or its numbers, or print it</source>
        <translation>Deze grafiek of de cijfers ervan opslaan, of de grafiek afdrukken</translation>
    </message>
    <message>
        <source>Image (PNG)…</source>
        <translation>Afbeelding (PNG)…</translation>
    </message>
    <message>
        <source>Vector image (SVG)…</source>
        <translation>Vectorafbeelding (SVG)…</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>Numbers as CSV…</source>
        <translation>Cijfers als CSV…</translation>
    </message>
    <message>
        <source>Numbers as Excel…</source>
        <translation>Cijfers als Excel…</translation>
    </message>
    <message>
        <source>Save the numbers behind this chart</source>
        <translation>De cijfers achter deze grafiek opslaan</translation>
    </message>
    <message>
        <source>Save this chart as a picture</source>
        <translation>Deze grafiek als afbeelding opslaan</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Afdrukken…</translation>
    </message>
    <message>
        <source>Print this chart</source>
        <translation>Deze grafiek afdrukken</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-afbeeldingen (*.png)</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>SVG-afbeeldingen (*.svg)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-documenten (*.pdf)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-bestanden (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel-werkmappen (*.xlsx)</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Grafiek exporteren</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>kan %1 niet schrijven: %2</translation>
    </message>
    <message>
        <source>cannot export the %1 chart</source>
        <translation>kan de grafiek %1 niet exporteren</translation>
    </message>
    <message>
        <source>cannot print the %1 chart</source>
        <translation>kan de grafiek %1 niet afdrukken</translation>
    </message>
    <message numerus="yes">
        <source>%Ln leads</source>
        <translation>
            <numerusform>%Ln lead</numerusform>
            <numerusform>%Ln leads</numerusform>
        </translation>
    </message>
    <message>
        <source>Read in %1 ms</source>
        <translation>Gelezen in %1 ms</translation>
    </message>
</context>
<context>
    <name>ColumnMapping</name>
    <message>
        <source>Dutch spreadsheets</source>
        <translation>Nederlandse spreadsheets</translation>
    </message>
    <message>
        <source>Storage Explorer&apos;s type column</source>
        <translation>typekolom van Storage Explorer</translation>
    </message>
    <message>
        <source>kept as an extra field</source>
        <translation>bewaard als extra veld</translation>
    </message>
    <message>
        <source>, kept as an extra field</source>
        <translation>, bewaard als extra veld</translation>
    </message>
    <message>
        <source>its values look like Source-Action|Offer: they give the storefront, action and offer</source>
        <translation>de waarden lijken op Source-Action|Offer: ze geven de storefront, de actie en de aanbieding</translation>
    </message>
    <message>
        <source>kept as an extra field: column %1 &quot;%2&quot; fills %3</source>
        <translation>bewaard als extra veld: kolom %1 &quot;%2&quot; vult %3</translation>
    </message>
    <message>
        <source>names the same field as column %1</source>
        <translation>noemt hetzelfde veld als kolom %1</translation>
    </message>
    <message>
        <source>read day-first: &quot;%1&quot; has a day above 12</source>
        <translation>gelezen met de dag eerst: &quot;%1&quot; heeft een dag boven 12</translation>
    </message>
    <message>
        <source>read month-first: &quot;%1&quot; has a day above 12</source>
        <translation>gelezen met de maand eerst: &quot;%1&quot; heeft een dag boven 12</translation>
    </message>
    <message>
        <source>dates in both orders (&quot;%1&quot;, &quot;%2&quot;): each is read day-first unless its second number is above 12</source>
        <translation>datums in beide volgordes (&quot;%1&quot;, &quot;%2&quot;): elke datum wordt gelezen met de dag eerst, tenzij het tweede getal boven 12 ligt</translation>
    </message>
    <message>
        <source>read %1, as %2 write dates</source>
        <translation>gelezen met %1, de gewoonte van %2</translation>
    </message>
    <message>
        <source>day-first</source>
        <translation>de dag eerst</translation>
    </message>
    <message>
        <source>month-first</source>
        <translation>de maand eerst</translation>
    </message>
    <message>
        <source>read day-first: no date in the first rows has a number above 12</source>
        <translation>gelezen met de dag eerst: geen datum in de eerste rijen heeft een getal boven 12</translation>
    </message>
    <message>
        <source>the header names none of Email, FirstName, LastName, Company, Name or CustomerInfo (or email, first_name, last_name, company)</source>
        <translation>de kopregel noemt geen van Email, FirstName, LastName, Company, Name of CustomerInfo (of email, first_name, last_name, company)</translation>
    </message>
    <message>
        <source>profile &quot;%1&quot; has no columns</source>
        <translation>profiel &quot;%1&quot; heeft geen kolommen</translation>
    </message>
    <message>
        <source>profile &quot;%1&quot;: column &quot;%2&quot; has an unknown target &quot;%3&quot;</source>
        <translation>profiel &quot;%1&quot;: kolom &quot;%2&quot; heeft een onbekend doel &quot;%3&quot;</translation>
    </message>
    <message>
        <source>the file has no column &quot;%1&quot;, which profile &quot;%2&quot; reads as %3</source>
        <translation>het bestand heeft geen kolom &quot;%1&quot;, die profiel &quot;%2&quot; leest als %3</translation>
    </message>
    <message>
        <source>not in profile &quot;%1&quot;%2</source>
        <translation>niet in profiel &quot;%1&quot;%2</translation>
    </message>
    <message>
        <source>ignored by profile &quot;%1&quot;</source>
        <translation>genegeerd door profiel &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Someone else changed this lead</source>
        <translation>Iemand anders heeft deze lead gewijzigd</translation>
    </message>
    <message>
        <source>%1 was changed by someone else after you opened it. For each field, choose the value to keep. Their values stay unless you choose yours.</source>
        <translation>%1 is door iemand anders gewijzigd nadat u de lead opende. Kies per veld welke waarde blijft. Hun waarden blijven staan, tenzij u de uwe kiest.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Veld</translation>
    </message>
    <message>
        <source>Their value</source>
        <translation>Hun waarde</translation>
    </message>
    <message>
        <source>My value</source>
        <translation>Mijn waarde</translation>
    </message>
    <message>
        <source>Keep their %1</source>
        <translation>Hun %1 behouden</translation>
    </message>
    <message>
        <source>Keep my %1</source>
        <translation>Mijn %1 behouden</translation>
    </message>
    <message>
        <source>Keep the chosen values</source>
        <translation>Gekozen waarden behouden</translation>
    </message>
</context>
<context>
    <name>ConvertDialog</name>
    <message>
        <source>Convert %1 to an opportunity</source>
        <translation>%1 omzetten in een verkoopkans</translation>
    </message>
    <message>
        <source>Estimated value</source>
        <translation>Geschatte waarde</translation>
    </message>
    <message>
        <source>Estimated &amp;value:</source>
        <translation>Geschatte &amp;waarde:</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Valuta</translation>
    </message>
    <message>
        <source>&amp;Currency:</source>
        <translation>&amp;Valuta:</translation>
    </message>
    <message>
        <source>Expected close date</source>
        <translation>Verwachte afsluitdatum</translation>
    </message>
    <message>
        <source>Expected c&amp;lose:</source>
        <translation>Verwachte a&amp;fsluiting:</translation>
    </message>
    <message>
        <source>Where it is followed up</source>
        <translation>Waar de lead wordt opgevolgd</translation>
    </message>
    <message>
        <source>Followed up in:</source>
        <translation>Opgevolgd in:</translation>
    </message>
    <message>
        <source>C&amp;onvert</source>
        <translation>&amp;Omzetten</translation>
    </message>
</context>
<context>
    <name>CsvReader</name>
    <message>
        <source>is a ZIP archive (an Excel workbook, perhaps), not CSV text; save it from Excel as CSV</source>
        <translation>is een ZIP-archief (een Excel-werkmap, misschien), geen CSV-tekst; sla het in Excel op als CSV</translation>
    </message>
    <message>
        <source>is binary data (it holds NUL bytes), not CSV text</source>
        <translation>is binaire data (het bevat NUL-bytes), geen CSV-tekst</translation>
    </message>
    <message>
        <source>has a quoted field that is never closed</source>
        <translation>heeft een veld tussen aanhalingstekens dat nooit wordt gesloten</translation>
    </message>
    <message>
        <source>has a field over 1 MiB</source>
        <translation>heeft een veld groter dan 1 MiB</translation>
    </message>
    <message>
        <source>is not valid UTF-8</source>
        <translation>is geen geldige UTF-8</translation>
    </message>
    <message>
        <source>has text after a closing quote</source>
        <translation>heeft tekst na een sluitend aanhalingsteken</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>--db: not a valid PostgreSQL URL (expected postgresql://user[:password]@host[:port]/database; characters such as # / ? @ in a user name or password must be percent-encoded, # as %23)</source>
        <translation>--db: geen geldige PostgreSQL-URL (verwacht: postgresql://gebruiker[:wachtwoord]@host[:poort]/database; tekens als # / ? @ in een gebruikersnaam of wachtwoord moeten procentgecodeerd zijn, # als %23)</translation>
    </message>
    <message>
        <source>no database given</source>
        <translation>geen database opgegeven</translation>
    </message>
    <message>
        <source>the Qt SQL driver %1 is not installed</source>
        <translation>het Qt SQL-stuurprogramma %1 is niet geïnstalleerd</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>kan de map %1 niet aanmaken</translation>
    </message>
    <message>
        <source>cannot open the database %1: %2</source>
        <translation>kan de database %1 niet openen: %2</translation>
    </message>
</context>
<context>
    <name>DisqualifyDialog</name>
    <message>
        <source>Disqualify %1</source>
        <translation>%1 diskwalificeren</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Choose a reason…</source>
        <translation>Kies een reden…</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Reden:</translation>
    </message>
    <message>
        <source>Why, in a few words</source>
        <translation>Waarom, in een paar woorden</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notitie:</translation>
    </message>
    <message>
        <source>&amp;Disqualify</source>
        <translation>&amp;Diskwalificeren</translation>
    </message>
    <message>
        <source>A lead is disqualified for a reason: choose one.</source>
        <translation>Een lead wordt om een reden gediskwalificeerd: kies er een.</translation>
    </message>
    <message>
        <source>&quot;Other&quot; needs a few words saying why.</source>
        <translation>Bij &quot;Overig&quot; hoort een korte toelichting.</translation>
    </message>
</context>
<context>
    <name>DisqualifyReason</name>
    <message>
        <source>No budget</source>
        <translation>Geen budget</translation>
    </message>
    <message>
        <source>No need</source>
        <translation>Geen behoefte</translation>
    </message>
    <message>
        <source>Chose a competitor</source>
        <translation>Koos een concurrent</translation>
    </message>
    <message>
        <source>Bad data</source>
        <translation>Onjuiste gegevens</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Student</translation>
    </message>
    <message>
        <source>Test lead</source>
        <translation>Testlead</translation>
    </message>
    <message>
        <source>Do not contact</source>
        <translation>Niet benaderen</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Overig</translation>
    </message>
</context>
<context>
    <name>DueQueue</name>
    <message>
        <source>cannot read the Due queue of %1: %2</source>
        <translation>kan de opvolgwachtrij van %1 niet lezen: %2</translation>
    </message>
</context>
<context>
    <name>DueQueueModel</name>
    <message>
        <source>Call</source>
        <translation>Gesprek</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Afspraak</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Taak</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Opvolging</translation>
    </message>
    <message>
        <source>Could not read the Due queue: %1</source>
        <translation>Kan de opvolgwachtrij niet lezen: %1</translation>
    </message>
    <message>
        <source>Overdue since %1</source>
        <translation>Te laat sinds %1</translation>
    </message>
    <message>
        <source>Overdue · %1</source>
        <translation>Te laat · %1</translation>
    </message>
    <message>
        <source>Today · %1</source>
        <translation>Vandaag · %1</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(geen naam)</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Gepland</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Bedrijf</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>Cadence</source>
        <translation>Cadans</translation>
    </message>
</context>
<context>
    <name>DueQueuePanel</name>
    <message>
        <source>Due queue</source>
        <translation>Opvolgwachtrij</translation>
    </message>
    <message>
        <source>Due follow-ups</source>
        <translation>Geplande opvolgingen</translation>
    </message>
    <message>
        <source>Due follow-ups, oldest first</source>
        <translation>Geplande opvolgingen, oudste eerst</translation>
    </message>
    <message>
        <source>Reading the Due queue…</source>
        <translation>De opvolgwachtrij wordt gelezen…</translation>
    </message>
    <message>
        <source>Set your name (Lead → Who am I…) to see your follow-ups.</source>
        <translation>Stel uw naam in (Lead → Wie ben ik…) om uw opvolgingen te zien.</translation>
    </message>
    <message>
        <source>Nothing due today for %1.</source>
        <translation>Vandaag niets gepland voor %1.</translation>
    </message>
    <message>
        <source>1 follow-up due for %1</source>
        <translation>1 opvolging gepland voor %1</translation>
    </message>
    <message>
        <source>%1 follow-ups due for %2</source>
        <translation>%1 opvolgingen gepland voor %2</translation>
    </message>
    <message>
        <source>%1, %2 overdue</source>
        <comment>the follow-ups due, then how many of them are overdue</comment>
        <translation>%1, waarvan %2 te laat</translation>
    </message>
    <message>
        <source>%1 (the oldest %2 shown)</source>
        <comment>the follow-ups due, then how many are listed</comment>
        <translation>%1 (de oudste %2 getoond)</translation>
    </message>
</context>
<context>
    <name>EachInTransaction</name>
    <message>
        <source>cannot start a transaction: %1</source>
        <translation>kan geen transactie starten: %1</translation>
    </message>
    <message>
        <source>cannot commit: %1</source>
        <translation>kan de wijzigingen niet vastleggen: %1</translation>
    </message>
</context>
<context>
    <name>EmailTemplate</name>
    <message>
        <source>lead %1 is do-not-contact: no email can be sent</source>
        <translation>lead %1 is niet benaderen: er kan geen e-mail worden verstuurd</translation>
    </message>
    <message>
        <source>lead %1 has no email address</source>
        <translation>lead %1 heeft geen e-mailadres</translation>
    </message>
</context>
<context>
    <name>EmptyStateOverlay</name>
    <message>
        <source>Clear filters</source>
        <translation>Filters wissen</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel-werkmappen (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-bestanden (*.csv)</translation>
    </message>
    <message>
        <source>Exporting leads to %1…</source>
        <translation>Leads exporteren naar %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annuleren…</translation>
    </message>
    <message>
        <source>Exporting %1 leads to %2…</source>
        <translation>%1 leads exporteren naar %2…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Exporteren mislukt</translation>
    </message>
    <message>
        <source>Could not export the leads to %1.</source>
        <translation>Kan de leads niet exporteren naar %1.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Marketplace</source>
        <translation>Marketplace</translation>
    </message>
    <message>
        <source>Co-sell referral</source>
        <translation>Co-sell-verwijzing</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Geïmporteerd</translation>
    </message>
    <message>
        <source>Entered by hand</source>
        <translation>Handmatig ingevoerd</translation>
    </message>
    <message>
        <source>Search name, email, company, title</source>
        <translation>Zoeken op naam, e-mail, bedrijf, functie</translation>
    </message>
    <message>
        <source>Search leads</source>
        <translation>Leads zoeken</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>Any stage</source>
        <translation>Elke fase</translation>
    </message>
    <message>
        <source>Any owner</source>
        <translation>Elke eigenaar</translation>
    </message>
    <message>
        <source>Any offer</source>
        <translation>Elke aanbieding</translation>
    </message>
    <message>
        <source>Any action</source>
        <translation>Elke actie</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Any grade</source>
        <translation>Elke klasse</translation>
    </message>
    <message>
        <source>Grade %1</source>
        <translation>Klasse %1</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Herkomst</translation>
    </message>
    <message>
        <source>Any origin</source>
        <translation>Elke herkomst</translation>
    </message>
    <message>
        <source>Follow-up destination</source>
        <translation>Opvolgbestemming</translation>
    </message>
    <message>
        <source>Any destination</source>
        <translation>Elke bestemming</translation>
    </message>
    <message>
        <source>Minimum score</source>
        <translation>Minimale score</translation>
    </message>
    <message>
        <source>Any score</source>
        <translation>Elke score</translation>
    </message>
    <message>
        <source>Score ≥ </source>
        <translation>Score ≥ </translation>
    </message>
    <message>
        <source>Created: any</source>
        <translation>Aangemaakt: altijd</translation>
    </message>
    <message>
        <source>Created from</source>
        <translation>Aangemaakt vanaf</translation>
    </message>
    <message>
        <source>until any</source>
        <translation>tot nu</translation>
    </message>
    <message>
        <source>Created until</source>
        <translation>Aangemaakt tot en met</translation>
    </message>
    <message>
        <source>Show test leads</source>
        <translation>Testleads tonen</translation>
    </message>
    <message>
        <source>Past first-touch SLA</source>
        <translation>Over de SLA voor eerste contact</translation>
    </message>
    <message>
        <source>Only the open leads nobody has touched within the team&apos;s first-touch target, and those touched late</source>
        <translation>Alleen de open leads die niemand binnen het streefdoel van het team voor het eerste contact heeft benaderd, en de leads die te laat zijn benaderd</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Zoeken…</translation>
    </message>
    <message>
        <source>Search: “%1”</source>
        <translation>Zoeken: “%1”</translation>
    </message>
    <message>
        <source>Stage: %1</source>
        <translation>Fase: %1</translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation>Eigenaar: %1</translation>
    </message>
    <message>
        <source>Offer: %1</source>
        <translation>Aanbieding: %1</translation>
    </message>
    <message>
        <source>Action: %1</source>
        <translation>Actie: %1</translation>
    </message>
    <message>
        <source>Score ≥ %1</source>
        <translation>Score ≥ %1</translation>
    </message>
    <message>
        <source>Origin: %1</source>
        <translation>Herkomst: %1</translation>
    </message>
    <message>
        <source>Followed up in: %1</source>
        <translation>Opgevolgd in: %1</translation>
    </message>
    <message>
        <source>Campaign: %1</source>
        <translation>Campagne: %1</translation>
    </message>
    <message>
        <source>Do not contact</source>
        <translation>Niet benaderen</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Vandaag gepland</translation>
    </message>
    <message>
        <source>Due before %1</source>
        <translation>Gepland vóór %1</translation>
    </message>
    <message>
        <source>Created from %1</source>
        <translation>Aangemaakt vanaf %1</translation>
    </message>
    <message>
        <source>Created until %1</source>
        <translation>Aangemaakt tot en met %1</translation>
    </message>
    <message>
        <source>Test leads shown</source>
        <translation>Testleads getoond</translation>
    </message>
    <message>
        <source>Past the %1-hour first-touch SLA</source>
        <translation>Over de SLA van %1 uur voor eerste contact</translation>
    </message>
    <message>
        <source>Remove filter %1</source>
        <translation>Filter %1 verwijderen</translation>
    </message>
    <message>
        <source>Remove this filter</source>
        <translation>Dit filter verwijderen</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>Alles wissen</translation>
    </message>
</context>
<context>
    <name>FirstTouchChart</name>
    <message>
        <source>Time to first touch</source>
        <translation>Tijd tot eerste contact</translation>
    </message>
    <message>
        <source>Time to first touch:</source>
        <translation>Tijd tot eerste contact:</translation>
    </message>
    <message>
        <source>Time to first touch · target %1 h: %2 of %3 past it · %4 open leads not touched yet</source>
        <translation>Tijd tot eerste contact · streefdoel %1 u: %2 van %3 erover · %4 open leads nog niet benaderd</translation>
    </message>
    <message>
        <source>Within the target</source>
        <translation>Binnen het streefdoel</translation>
    </message>
    <message>
        <source>Past the target</source>
        <translation>Over het streefdoel</translation>
    </message>
    <message>
        <source>First touch %1 after the lead came in: %2 leads</source>
        <translation>Eerste contact %1 na binnenkomst van de lead: %2 leads</translation>
    </message>
    <message>
        <source>Time from the lead&apos;s arrival to its first touch</source>
        <translation>Tijd van de binnenkomst van de lead tot het eerste contact</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
</context>
<context>
    <name>FirstTouchReport</name>
    <message>
        <source>no first touch is logged for these leads yet: log a call, email or meeting on a lead to start</source>
        <translation>voor deze leads is nog geen eerste contact vastgelegd: leg een gesprek, e-mail of afspraak vast bij een lead om te beginnen</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 u</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 dagen</translation>
    </message>
    <message>
        <source>under %1</source>
        <translation>onder %1</translation>
    </message>
    <message>
        <source>over %1</source>
        <translation>boven %1</translation>
    </message>
</context>
<context>
    <name>FirstTouchSlaDelegate</name>
    <message>
        <source>No touch</source>
        <translation>Geen contact</translation>
    </message>
</context>
<context>
    <name>FirstTouchTimes</name>
    <message>
        <source>cannot read the times to first touch: %1</source>
        <translation>kan de tijden tot het eerste contact niet lezen: %1</translation>
    </message>
</context>
<context>
    <name>FollowUpDestination</name>
    <message>
        <source>Your CRM</source>
        <translation>Uw CRM</translation>
    </message>
    <message>
        <source>Microsoft field seller (co-sell)</source>
        <translation>Verkoper van Microsoft (co-sell)</translation>
    </message>
    <message>
        <source>Marketplace</source>
        <translation>Marketplace</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Call</source>
        <translation>Gesprek</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Afspraak</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Taak</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <source>Kind of touch</source>
        <translation>Soort contactmoment</translation>
    </message>
    <message>
        <source>Schedule a follow-up with %1</source>
        <translation>Een opvolging met %1 plannen</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Wanneer:</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>W&amp;hat:</source>
        <translation>W&amp;at:</translation>
    </message>
    <message>
        <source>&amp;Schedule</source>
        <translation>&amp;Plannen</translation>
    </message>
</context>
<context>
    <name>FollowUpPlanStore</name>
    <message>
        <source>cannot read the follow-up plan of lead %1: %2</source>
        <translation>kan het opvolgplan van lead %1 niet lezen: %2</translation>
    </message>
    <message>
        <source>cannot store the follow-up plan of lead %1: %2</source>
        <translation>kan het opvolgplan van lead %1 niet opslaan: %2</translation>
    </message>
    <message>
        <source>cannot store the first touch of lead %1: %2</source>
        <translation>kan het eerste contactmoment van lead %1 niet opslaan: %2</translation>
    </message>
</context>
<context>
    <name>FollowUpReminders</name>
    <message>
        <source>lead %1</source>
        <translation>lead %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>Opvolging gepland</translation>
    </message>
    <message>
        <source>Follow up with %1</source>
        <translation>%1 opvolgen</translation>
    </message>
    <message>
        <source>Call %1</source>
        <translation>%1 bellen</translation>
    </message>
    <message>
        <source>Email %1</source>
        <translation>%1 e-mailen</translation>
    </message>
    <message>
        <source>Meeting with %1</source>
        <translation>Afspraak met %1</translation>
    </message>
    <message>
        <source>Task for %1</source>
        <translation>Taak voor %1</translation>
    </message>
    <message>
        <source>%L1 follow-ups due</source>
        <translation>%L1 opvolgingen gepland</translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 en nog %2</translation>
    </message>
</context>
<context>
    <name>FollowUpSection</name>
    <message>
        <source>Follow-up</source>
        <translation>Opvolging</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Gesprek</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Afspraak</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Taak</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 u</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 dagen</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>Volgende opvolging</translation>
    </message>
    <message>
        <source>Cadence and first touch</source>
        <translation>Cadans en eerste contact</translation>
    </message>
    <message>
        <source>Why no follow-up</source>
        <translation>Waarom geen opvolging</translation>
    </message>
    <message>
        <source>&amp;Log touch…</source>
        <translation>Contactmoment &amp;vastleggen…</translation>
    </message>
    <message>
        <source>Record a call, email, meeting or note and plan the next follow-up</source>
        <translation>Een gesprek, e-mail, afspraak of notitie vastleggen en de volgende opvolging plannen</translation>
    </message>
    <message>
        <source>Sc&amp;hedule…</source>
        <translation>&amp;Plannen…</translation>
    </message>
    <message>
        <source>Plan the next follow-up: when and what</source>
        <translation>De volgende opvolging plannen: wanneer en wat</translation>
    </message>
    <message>
        <source>En&amp;roll…</source>
        <translation>&amp;Inschrijven…</translation>
    </message>
    <message>
        <source>Put the lead in a cadence: each touch schedules the next</source>
        <translation>De lead in een cadans inschrijven: elk contactmoment plant het volgende</translation>
    </message>
    <message>
        <source>E&amp;mail…</source>
        <translation>E-&amp;mailen…</translation>
    </message>
    <message>
        <source>Write to the lead in your mail program from the template, and log the email</source>
        <translation>De lead vanuit de sjabloon in uw e-mailprogramma schrijven en de e-mail vastleggen</translation>
    </message>
    <message>
        <source>No follow-ups: this lead is do-not-contact.</source>
        <translation>Geen opvolgingen: deze lead is gemarkeerd als niet benaderen.</translation>
    </message>
    <message>
        <source>No follow-ups: this is a test lead.</source>
        <translation>Geen opvolgingen: dit is een testlead.</translation>
    </message>
    <message>
        <source>No follow-ups: the lead is closed (%1).</source>
        <translation>Geen opvolgingen: de lead is afgesloten (%1).</translation>
    </message>
    <message>
        <source>lead %1</source>
        <translation>lead %1</translation>
    </message>
    <message>
        <source>Could not read the follow-up plan: %1</source>
        <translation>Kan het opvolgplan niet lezen: %1</translation>
    </message>
    <message>
        <source>nobody&apos;s yet</source>
        <translation>nog geen eigenaar</translation>
    </message>
    <message>
        <source>%1&apos;s</source>
        <translation>van %1</translation>
    </message>
    <message>
        <source>Overdue: %1, due %2 · %3</source>
        <translation>Te laat: %1, gepland %2 · %3</translation>
    </message>
    <message>
        <source>%1 %2 · %3</source>
        <translation>%1 %2 · %3</translation>
    </message>
    <message>
        <source>No follow-up planned.</source>
        <translation>Geen opvolging gepland.</translation>
    </message>
    <message>
        <source>Cadence %1: touch %2 of %3 (day %4)</source>
        <translation>Cadans %1: contactmoment %2 van %3 (dag %4)</translation>
    </message>
    <message>
        <source>Cadence %1, touch %2</source>
        <translation>Cadans %1, contactmoment %2</translation>
    </message>
    <message>
        <source>First touched %1 after arrival; 1 touch so far.</source>
        <translation>Eerste contact %1 na binnenkomst; tot nu toe 1 contactmoment.</translation>
    </message>
    <message>
        <source>First touched %1 after arrival; %2 touches so far.</source>
        <translation>Eerste contact %1 na binnenkomst; tot nu toe %2 contactmomenten.</translation>
    </message>
    <message>
        <source>1 touch so far.</source>
        <translation>Tot nu toe 1 contactmoment.</translation>
    </message>
    <message>
        <source>%1 touches so far.</source>
        <translation>Tot nu toe %1 contactmomenten.</translation>
    </message>
    <message>
        <source>Not touched yet.</source>
        <translation>Nog niet benaderd.</translation>
    </message>
    <message>
        <source>The lead has no email address.</source>
        <translation>De lead heeft geen e-mailadres.</translation>
    </message>
    <message>
        <source>From the cadence %1: touch %2 of %3. &quot;responded&quot; ends the cadence.</source>
        <translation>Uit de cadans %1: contactmoment %2 van %3. &quot;responded&quot; beëindigt de cadans.</translation>
    </message>
    <message>
        <source>This is the last touch of the cadence %1.</source>
        <translation>Dit is het laatste contactmoment van de cadans %1.</translation>
    </message>
    <message>
        <source>Log %1 with %2</source>
        <translation>Contactmoment (%1) met %2 vastleggen</translation>
    </message>
    <message>
        <source>Schedule %1 with %2</source>
        <translation>Opvolging (%1) met %2 plannen</translation>
    </message>
    <message>
        <source>The cadences are still being read; try again in a moment.</source>
        <translation>De cadansen worden nog gelezen; probeer het zo opnieuw.</translation>
    </message>
    <message>
        <source>%L1 leads</source>
        <translation>%L1 leads</translation>
    </message>
    <message>
        <source>Enroll in a cadence</source>
        <translation>In een cadans inschrijven</translation>
    </message>
    <message>
        <source>Cadence for %1:</source>
        <translation>Cadans voor %1:</translation>
    </message>
    <message>
        <source>Enroll %1 in %2</source>
        <translation>%1 inschrijven in %2</translation>
    </message>
    <message>
        <source>No email can be written to this lead.</source>
        <translation>Aan deze lead kan geen e-mail worden geschreven.</translation>
    </message>
    <message>
        <source>No mail program opened the email to %1.</source>
        <translation>Geen e-mailprogramma heeft de e-mail aan %1 geopend.</translation>
    </message>
    <message>
        <source>Email %1</source>
        <translation>%1 e-mailen</translation>
    </message>
</context>
<context>
    <name>FunnelChart</name>
    <message>
        <source>Funnel per storefront</source>
        <translation>Trechter per storefront</translation>
    </message>
    <message>
        <source>&lt;b&gt;Funnel per storefront&lt;/b&gt; — leads that reached each step (a lead counts in every step it passed); under each step, the % of the step before that reached it</source>
        <translation>&lt;b&gt;Trechter per storefront&lt;/b&gt; — leads die elke stap bereikten (een lead telt mee in elke stap die hij passeerde); onder elke stap het percentage van de vorige stap dat deze stap bereikte</translation>
    </message>
    <message>
        <source>No leads in this selection</source>
        <translation>Geen leads in deze selectie</translation>
    </message>
    <message>
        <source>%1&lt;br&gt;&lt;small&gt;%2% won overall&lt;/small&gt;</source>
        <translation>%1&lt;br&gt;&lt;small&gt;%2% gewonnen in totaal&lt;/small&gt;</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>%1, %2: %3 leads</source>
        <translation>%1, %2: %3 leads</translation>
    </message>
    <message>
        <source>
%1% of %2, %3% of new</source>
        <translation>
%1% van %2, %3% van nieuw</translation>
    </message>
</context>
<context>
    <name>FunnelSteps</name>
    <message>
        <source>New</source>
        <translation>Nieuw</translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation>Benaderd</translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation>Gekwalificeerd</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>Verkoopkans</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Gewonnen</translation>
    </message>
</context>
<context>
    <name>HeaderLayout</name>
    <message>
        <source>the marketplace LeadSource: gives the storefront, action and offer</source>
        <translation>de LeadSource van de marketplace: geeft de storefront, de actie en de aanbieding</translation>
    </message>
    <message>
        <source>when the record was written</source>
        <translation>wanneer het record is geschreven</translation>
    </message>
    <message>
        <source>JSON customer details: fill the name, email, phone, country, company and title where their own columns are empty</source>
        <translation>klantgegevens in JSON: vullen naam, e-mail, telefoon, land, bedrijf en functie aan waar hun eigen kolommen leeg zijn</translation>
    </message>
    <message>
        <source>the Azure Table&apos;s partition key</source>
        <translation>de partitiesleutel van de Azure-tabel</translation>
    </message>
    <message>
        <source>the Azure Table&apos;s row key</source>
        <translation>de rijsleutel van de Azure-tabel</translation>
    </message>
    <message>
        <source>the database numbers its leads itself</source>
        <translation>de database nummert zijn leads zelf</translation>
    </message>
    <message>
        <source>Leadbench works it out from the email</source>
        <translation>Leadbench leidt het af uit het e-mailadres</translation>
    </message>
    <message>
        <source>Leadbench works it out from the lead</source>
        <translation>Leadbench leidt het af uit de lead</translation>
    </message>
    <message>
        <source>it counts changes in the database the file came from</source>
        <translation>het telt wijzigingen in de database waar het bestand vandaan kwam</translation>
    </message>
    <message>
        <source>Salesforce&apos;s lead id</source>
        <translation>lead-id van Salesforce</translation>
    </message>
    <message>
        <source>HubSpot&apos;s record id</source>
        <translation>record-id van HubSpot</translation>
    </message>
    <message>
        <source>put before the last name</source>
        <translation>voor de achternaam gezet</translation>
    </message>
    <message>
        <source>split into first and last name</source>
        <translation>gesplitst in voor- en achternaam</translation>
    </message>
</context>
<context>
    <name>ImportDuplicatesPage</name>
    <message>
        <source>Leads already stored</source>
        <translation>Leads die al zijn opgeslagen</translation>
    </message>
    <message>
        <source>A record of the same person and offer as a stored lead is a duplicate.</source>
        <translation>Een record van dezelfde persoon en aanbieding als een opgeslagen lead is een duplicaat.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importeren</translation>
    </message>
    <message>
        <source>&amp;Merge into the stored lead: the record becomes another event, and fields the lead lacks are filled in</source>
        <translation>&amp;Samenvoegen met de opgeslagen lead: het record wordt een extra gebeurtenis en ontbrekende velden van de lead worden aangevuld</translation>
    </message>
    <message>
        <source>&amp;Skip the record: the stored lead stays as it is</source>
        <translation>Het record &amp;overslaan: de opgeslagen lead blijft zoals hij is</translation>
    </message>
    <message>
        <source>None of the records matches a stored lead.</source>
        <translation>Geen van de records komt overeen met een opgeslagen lead.</translation>
    </message>
    <message>
        <source>1 record matches a stored lead.</source>
        <translation>1 record komt overeen met een opgeslagen lead.</translation>
    </message>
    <message>
        <source>%1 records match stored leads.</source>
        <translation>%1 records komen overeen met opgeslagen leads.</translation>
    </message>
</context>
<context>
    <name>ImportFile</name>
    <message>
        <source>cannot open: %1</source>
        <translation>kan niet worden geopend: %1</translation>
    </message>
    <message>
        <source>is an Excel workbook (a ZIP archive), which cannot be read from a pipe; give its file name</source>
        <translation>is een Excel-werkmap (een ZIP-archief), die niet uit een pipe kan worden gelezen; geef de bestandsnaam op</translation>
    </message>
    <message>
        <source>is an Excel workbook, not %1; import it as xlsx</source>
        <translation>is een Excel-werkmap, geen %1; importeer het als xlsx</translation>
    </message>
    <message>
        <source>CSV text</source>
        <translation>CSV-tekst</translation>
    </message>
</context>
<context>
    <name>ImportFilePage</name>
    <message>
        <source>Detect</source>
        <translation>Detecteren</translation>
    </message>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>UTF-16 little-endian</source>
        <translation>UTF-16 little-endian</translation>
    </message>
    <message>
        <source>UTF-16 big-endian</source>
        <translation>UTF-16 big-endian</translation>
    </message>
    <message>
        <source>Windows-1252 (Western European)</source>
        <translation>Windows-1252 (West-Europees)</translation>
    </message>
    <message>
        <source>Comma (,)</source>
        <translation>Komma (,)</translation>
    </message>
    <message>
        <source>Semicolon (;)</source>
        <translation>Puntkomma (;)</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>Vertical bar (|)</source>
        <translation>Verticale streep (|)</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Excel-werkmap</translation>
    </message>
    <message>
        <source>Marketplace JSON</source>
        <translation>Marketplace-JSON</translation>
    </message>
    <message>
        <source>CSV text</source>
        <translation>CSV-tekst</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Kies een bestand</translation>
    </message>
    <message>
        <source>A CSV file, an Excel workbook or marketplace JSON. Check that the preview reads it right; change the encoding or delimiter when it does not.</source>
        <translation>Een CSV-bestand, een Excel-werkmap of marketplace-JSON. Controleer of het voorbeeld goed wordt gelezen; wijzig anders de codering of het scheidingsteken.</translation>
    </message>
    <message>
        <source>File to import</source>
        <translation>Te importeren bestand</translation>
    </message>
    <message>
        <source>Drop a file here or choose one</source>
        <translation>Zet hier een bestand neer of kies er een</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>Codering</translation>
    </message>
    <message>
        <source>Delimiter</source>
        <translation>Scheidingsteken</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Werkblad</translation>
    </message>
    <message>
        <source>&amp;Sheet:</source>
        <translation>&amp;Werkblad:</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Bestand:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Indeling:</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>&amp;Codering:</translation>
    </message>
    <message>
        <source>&amp;Delimiter:</source>
        <translation>&amp;Scheidingsteken:</translation>
    </message>
    <message>
        <source>The file&apos;s first records</source>
        <translation>De eerste records van het bestand</translation>
    </message>
    <message>
        <source>Lines that cannot be read</source>
        <translation>Regels die niet kunnen worden gelezen</translation>
    </message>
    <message>
        <source>Import Leads</source>
        <translation>Leads importeren</translation>
    </message>
    <message>
        <source>Lead files (*.csv *.txt *.xlsx *.json);;All files (*)</source>
        <translation>Leadbestanden (*.csv *.txt *.xlsx *.json);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 lezen…</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Regel %1: %2</translation>
    </message>
    <message>
        <source>1 line among the first ones cannot be read:</source>
        <translation>1 van de eerste regels kan niet worden gelezen:</translation>
    </message>
    <message>
        <source>%L1 lines among the first ones cannot be read:</source>
        <translation>%L1 van de eerste regels kunnen niet worden gelezen:</translation>
    </message>
    <message>
        <source>%1 cannot be imported: %2</source>
        <translation>%1 kan niet worden geïmporteerd: %2</translation>
    </message>
    <message>
        <source>%1 has no header row: nothing to import</source>
        <translation>%1 heeft geen kopregel: niets te importeren</translation>
    </message>
    <message>
        <source>The first %L1 records of %2:</source>
        <translation>De eerste %L1 records van %2:</translation>
    </message>
    <message>
        <source>The one record of %1:</source>
        <translation>Het enige record van %1:</translation>
    </message>
    <message>
        <source>The %L1 records of %2:</source>
        <translation>De %L1 records van %2:</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 — detected</source>
        <translation>%1 — gedetecteerd</translation>
    </message>
</context>
<context>
    <name>ImportMappingPage</name>
    <message>
        <source>Ignore</source>
        <translation>Negeren</translation>
    </message>
    <message>
        <source>Name (split into first and last)</source>
        <translation>Naam (gesplitst in voor- en achternaam)</translation>
    </message>
    <message>
        <source>Name prefix (van, de: before the last name)</source>
        <translation>Tussenvoegsel (van, de: vóór de achternaam)</translation>
    </message>
    <message>
        <source>Marketplace lead source</source>
        <translation>Leadbron van de marketplace</translation>
    </message>
    <message>
        <source>Customer info (JSON)</source>
        <translation>Klantgegevens (JSON)</translation>
    </message>
    <message>
        <source>Keep as extra field</source>
        <translation>Bewaren als extra veld</translation>
    </message>
    <message>
        <source>What the columns mean</source>
        <translation>Wat de kolommen betekenen</translation>
    </message>
    <message>
        <source>Each column of the file becomes a lead field, is kept as an extra field, or is ignored. The choices were proposed from the header and the values.</source>
        <translation>Elke kolom van het bestand wordt een leadveld, wordt bewaard als extra veld of wordt genegeerd. De keuzes zijn voorgesteld op basis van de kopregel en de waarden.</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Waarden</translation>
    </message>
    <message>
        <source>Becomes</source>
        <translation>Wordt</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <source>Column mapping</source>
        <translation>Kolomtoewijzing</translation>
    </message>
    <message>
        <source>Find out from the values</source>
        <translation>Afleiden uit de waarden</translation>
    </message>
    <message>
        <source>Day first (31-12-2026)</source>
        <translation>Dag eerst (31-12-2026)</translation>
    </message>
    <message>
        <source>Month first (12/31/2026)</source>
        <translation>Maand eerst (12/31/2026)</translation>
    </message>
    <message>
        <source>Saved mapping</source>
        <translation>Opgeslagen toewijzing</translation>
    </message>
    <message>
        <source>Save as profile…</source>
        <translation>Opslaan als profiel…</translation>
    </message>
    <message>
        <source>&amp;Dates are written:</source>
        <translation>&amp;Datums zijn geschreven als:</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profiel:</translation>
    </message>
    <message>
        <source>What %1 becomes</source>
        <translation>Wat %1 wordt</translation>
    </message>
    <message>
        <source>No saved profiles</source>
        <translation>Geen opgeslagen profielen</translation>
    </message>
    <message>
        <source>Load a saved profile…</source>
        <translation>Een opgeslagen profiel laden…</translation>
    </message>
    <message>
        <source>Save as Profile</source>
        <translation>Opslaan als profiel</translation>
    </message>
    <message>
        <source>A name for this mapping, to use again for files like this one:</source>
        <translation>Een naam voor deze toewijzing, om opnieuw te gebruiken voor soortgelijke bestanden:</translation>
    </message>
    <message>
        <source>Saved as “%1”</source>
        <translation>Opgeslagen als “%1”</translation>
    </message>
    <message>
        <source>Could not save “%1”: %2</source>
        <translation>Kan “%1” niet opslaan: %2</translation>
    </message>
    <message>
        <source>The profile “%1” is no longer there</source>
        <translation>Het profiel “%1” bestaat niet meer</translation>
    </message>
    <message>
        <source>“%1” does not fit this file: %2</source>
        <translation>“%1” past niet bij dit bestand: %2</translation>
    </message>
    <message>
        <source>Loaded “%1”</source>
        <translation>“%1” geladen</translation>
    </message>
</context>
<context>
    <name>ImportProgressPage</name>
    <message>
        <source>Importing</source>
        <translation>Importeren</translation>
    </message>
    <message>
        <source>The leads land all at once at the end; a cancel leaves the database as it was.</source>
        <translation>De leads komen aan het eind in één keer binnen; annuleren laat de database zoals hij was.</translation>
    </message>
    <message>
        <source>Cancel Import</source>
        <translation>Importeren annuleren</translation>
    </message>
    <message>
        <source>Cancelling: nothing of the file is kept…</source>
        <translation>Annuleren: niets van het bestand wordt bewaard…</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 importeren…</translation>
    </message>
    <message>
        <source>About %1 of %2 records · %3 records/s</source>
        <translation>Ongeveer %1 van %2 records · %3 records/s</translation>
    </message>
</context>
<context>
    <name>ImportResultPage</name>
    <message>
        <source>Import finished</source>
        <translation>Importeren voltooid</translation>
    </message>
    <message>
        <source>New leads:</source>
        <translation>Nieuwe leads:</translation>
    </message>
    <message>
        <source>Merged into stored leads:</source>
        <translation>Samengevoegd met opgeslagen leads:</translation>
    </message>
    <message>
        <source>Already stored, unchanged:</source>
        <translation>Al opgeslagen, ongewijzigd:</translation>
    </message>
    <message>
        <source>Duplicates skipped:</source>
        <translation>Overgeslagen duplicaten:</translation>
    </message>
    <message>
        <source>Rejected:</source>
        <translation>Afgewezen:</translation>
    </message>
    <message>
        <source>&amp;Show Imported Leads</source>
        <translation>Geïmporteerde leads &amp;tonen</translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>Importeren geannuleerd</translation>
    </message>
    <message>
        <source>Nothing of %1 was imported: the database is as it was.</source>
        <translation>Niets van %1 is geïmporteerd: de database is ongewijzigd.</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Importeren mislukt</translation>
    </message>
    <message>
        <source>Nothing of %1 was imported: %2</source>
        <translation>Niets van %1 is geïmporteerd: %2</translation>
    </message>
    <message>
        <source>%1 records of %2 were read.</source>
        <translation>%1 records van %2 zijn gelezen.</translation>
    </message>
</context>
<context>
    <name>ImportValidationPage</name>
    <message>
        <source>Check the records</source>
        <translation>De records controleren</translation>
    </message>
    <message>
        <source>The whole file is read as it would be imported; nothing is stored yet.</source>
        <translation>Het hele bestand wordt gelezen zoals het zou worden geïmporteerd; er wordt nog niets opgeslagen.</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Why it is rejected</source>
        <translation>Waarom het wordt afgewezen</translation>
    </message>
    <message>
        <source>Rejected records</source>
        <translation>Afgewezen records</translation>
    </message>
    <message>
        <source>Save rejected rows…</source>
        <translation>Afgewezen rijen opslaan…</translation>
    </message>
    <message>
        <source>Checking the file… %1%</source>
        <translation>Het bestand wordt gecontroleerd… %1%</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>Het bestand wordt gecontroleerd…</translation>
    </message>
    <message>
        <source>The file cannot be imported: %1</source>
        <translation>Het bestand kan niet worden geïmporteerd: %1</translation>
    </message>
    <message>
        <source>%1 of %2 records can be imported; %3 would be rejected.</source>
        <translation>Te importeren: %1 van %2 records; af te wijzen: %3.</translation>
    </message>
    <message>
        <source>1 record has a value that is changed or left out on the way</source>
        <translation>1 record heeft een waarde die onderweg wordt gewijzigd of weggelaten</translation>
    </message>
    <message>
        <source>%1 records have values that are changed or left out on the way</source>
        <translation>%1 records hebben waarden die onderweg worden gewijzigd of weggelaten</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: kan niet schrijven: %2</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Regel %1: %2</translation>
    </message>
    <message>
        <source>%1-rejected.csv</source>
        <comment>the file the rejected rows are saved in</comment>
        <translation>%1-afgewezen.csv</translation>
    </message>
    <message>
        <source>Save Rejected Rows</source>
        <translation>Afgewezen rijen opslaan</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-bestanden (*.csv)</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Opgeslagen in %1</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import Leads</source>
        <translation>Leads importeren</translation>
    </message>
</context>
<context>
    <name>IndexOrderCounts</name>
    <message>
        <source>no index holds the stages by %1</source>
        <translation>geen index bevat de fasen per %1</translation>
    </message>
    <message>
        <source>cannot count leads per day by %1</source>
        <translation>kan de leads niet per dag tellen op %1</translation>
    </message>
    <message>
        <source>cannot count leads by stage</source>
        <translation>kan de leads niet per fase tellen</translation>
    </message>
    <message>
        <source>cannot count leads by grade</source>
        <translation>kan de leads niet per klasse tellen</translation>
    </message>
    <message>
        <source>cannot count leads per day</source>
        <translation>kan de leads niet per dag tellen</translation>
    </message>
</context>
<context>
    <name>LeadActions</name>
    <message>
        <source>&amp;Lead</source>
        <translation>&amp;Lead</translation>
    </message>
    <message>
        <source>&amp;Open in the panel</source>
        <translation>Openen in het &amp;paneel</translation>
    </message>
    <message>
        <source>Move the focus to the lead panel</source>
        <translation>De focus naar het leadpaneel verplaatsen</translation>
    </message>
    <message>
        <source>Set &amp;stage</source>
        <translation>&amp;Fase instellen</translation>
    </message>
    <message>
        <source>Move the selected leads to %1</source>
        <translation>De geselecteerde leads naar %1 verplaatsen</translation>
    </message>
    <message>
        <source>Assign to &amp;me</source>
        <translation>Aan &amp;mij toewijzen</translation>
    </message>
    <message>
        <source>Make me the owner of the selected leads</source>
        <translation>Mij eigenaar maken van de geselecteerde leads</translation>
    </message>
    <message>
        <source>Set next &amp;follow-up…</source>
        <translation>Volgende &amp;opvolging instellen…</translation>
    </message>
    <message>
        <source>Plan the next touch for the selected leads</source>
        <translation>Het volgende contactmoment voor de geselecteerde leads plannen</translation>
    </message>
    <message>
        <source>Add a &amp;note…</source>
        <translation>&amp;Notitie toevoegen…</translation>
    </message>
    <message>
        <source>Write a note in the current lead&apos;s history</source>
        <translation>Een notitie in de geschiedenis van de huidige lead schrijven</translation>
    </message>
    <message>
        <source>Log &amp;touch…</source>
        <translation>&amp;Contactmoment vastleggen…</translation>
    </message>
    <message>
        <source>Record a call, email, meeting or note with the current lead and plan the next follow-up</source>
        <translation>Een gesprek, e-mail, afspraak of notitie met de huidige lead vastleggen en de volgende opvolging plannen</translation>
    </message>
    <message>
        <source>&amp;Enroll in cadence…</source>
        <translation>In cadans &amp;inschrijven…</translation>
    </message>
    <message>
        <source>Put the selected leads in a cadence: each touch schedules the next</source>
        <translation>De geselecteerde leads in een cadans inschrijven: elk contactmoment plant het volgende</translation>
    </message>
    <message>
        <source>&amp;Qualify</source>
        <translation>&amp;Kwalificeren</translation>
    </message>
    <message>
        <source>Tick every prerequisite of the current lead and move it to Qualified</source>
        <translation>Alle voorwaarden van de huidige lead afvinken en de lead naar Gekwalificeerd verplaatsen</translation>
    </message>
    <message>
        <source>Con&amp;vert to opportunity…</source>
        <translation>Om&amp;zetten in verkoopkans…</translation>
    </message>
    <message>
        <source>Record the current lead&apos;s value and close date as an opportunity</source>
        <translation>De waarde en afsluitdatum van de huidige lead als verkoopkans vastleggen</translation>
    </message>
    <message>
        <source>Dis&amp;qualify…</source>
        <translation>&amp;Diskwalificeren…</translation>
    </message>
    <message>
        <source>Close the current lead as disqualified, with the reason</source>
        <translation>De huidige lead afsluiten als gediskwalificeerd, met de reden</translation>
    </message>
    <message>
        <source>Mark &amp;do not contact</source>
        <translation>Markeren als niet &amp;benaderen</translation>
    </message>
    <message>
        <source>No outreach to the selected leads</source>
        <translation>Geen contact opnemen met de geselecteerde leads</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Verwijderen…</translation>
    </message>
    <message>
        <source>Move the selected leads to the trash (undo brings them back)</source>
        <translation>De geselecteerde leads naar de prullenbak verplaatsen (ongedaan maken haalt ze terug)</translation>
    </message>
    <message>
        <source>&amp;Who am I…</source>
        <translation>&amp;Wie ben ik…</translation>
    </message>
    <message>
        <source>The owner name &quot;assign to me&quot; and &quot;My new leads&quot; use</source>
        <translation>De eigenaarsnaam die &quot;aan mij toewijzen&quot; en &quot;Mijn nieuwe leads&quot; gebruiken</translation>
    </message>
    <message>
        <source>Set stage to %1</source>
        <translation>Fase instellen op %1</translation>
    </message>
    <message>
        <source>Set stage of %L1 leads to %2</source>
        <translation>Fase van %L1 leads instellen op %2</translation>
    </message>
    <message>
        <source>Who am I</source>
        <translation>Wie ben ik</translation>
    </message>
    <message>
        <source>Your name as an owner of leads (&quot;assign to me&quot;, &quot;My new leads&quot;):</source>
        <translation>Uw naam als eigenaar van leads (&quot;aan mij toewijzen&quot;, &quot;Mijn nieuwe leads&quot;):</translation>
    </message>
    <message>
        <source>Assign to %1</source>
        <translation>Toewijzen aan %1</translation>
    </message>
    <message>
        <source>Assign %L1 leads to %2</source>
        <translation>%L1 leads toewijzen aan %2</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>Volgende opvolging</translation>
    </message>
    <message>
        <source>Follow up on:</source>
        <translation>Opvolgen op:</translation>
    </message>
    <message>
        <source>Follow up on %L1 leads:</source>
        <translation>%L1 leads opvolgen op:</translation>
    </message>
    <message>
        <source>Set next follow-up to %1</source>
        <translation>Volgende opvolging instellen op %1</translation>
    </message>
    <message>
        <source>Mark do not contact</source>
        <translation>Markeren als niet benaderen</translation>
    </message>
    <message>
        <source>Mark %L1 leads do not contact</source>
        <translation>%L1 leads markeren als niet benaderen</translation>
    </message>
    <message>
        <source>Delete leads</source>
        <translation>Leads verwijderen</translation>
    </message>
    <message>
        <source>Move this lead and its history to the trash?</source>
        <translation>Deze lead en de geschiedenis ervan naar de prullenbak verplaatsen?</translation>
    </message>
    <message>
        <source>Move these %L1 leads and their history to the trash?</source>
        <translation>Deze %L1 leads en hun geschiedenis naar de prullenbak verplaatsen?</translation>
    </message>
    <message>
        <source>Delete lead</source>
        <translation>Lead verwijderen</translation>
    </message>
    <message>
        <source>Delete %L1 leads</source>
        <translation>%L1 leads verwijderen</translation>
    </message>
</context>
<context>
    <name>LeadAnalytics</name>
    <message>
        <source>unknown storefront %1</source>
        <translation>onbekende storefront %1</translation>
    </message>
</context>
<context>
    <name>LeadAnalyticsQueries</name>
    <message>
        <source>cannot group leads: by %1</source>
        <translation>kan de leads niet groeperen: op %1</translation>
    </message>
    <message>
        <source>cannot count leads by stage</source>
        <translation>kan de leads niet per fase tellen</translation>
    </message>
    <message>
        <source>cannot count leads per day: by %1</source>
        <translation>kan de leads niet per dag tellen: op %1</translation>
    </message>
    <message>
        <source>cannot count leads per day</source>
        <translation>kan de leads niet per dag tellen</translation>
    </message>
    <message>
        <source>cannot count leads by grade</source>
        <translation>kan de leads niet per klasse tellen</translation>
    </message>
    <message>
        <source>cannot read the leads of a chart</source>
        <translation>kan de leads van een grafiek niet lezen</translation>
    </message>
    <message>
        <source>cannot select leads: by %1</source>
        <translation>kan de leads niet selecteren: op %1</translation>
    </message>
</context>
<context>
    <name>LeadChanges</name>
    <message>
        <source>%1: no such column</source>
        <translation>%1: een dergelijke kolom bestaat niet</translation>
    </message>
    <message>
        <source>%1: set by Leadbench, it cannot be changed</source>
        <translation>%1: wordt door Leadbench ingevuld en kan niet worden gewijzigd</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>A column&apos;s name as written, then what is wrong with its value.</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>country: &quot;%1&quot; is not an ISO 3166 two-letter code</source>
        <translation>country: &quot;%1&quot; is geen ISO 3166-landcode van twee letters</translation>
    </message>
    <message>
        <source>disqualify_note: reason &quot;other&quot; needs a text saying why</source>
        <translation>disqualify_note: reden &quot;other&quot; vraagt om een tekst met de reden</translation>
    </message>
    <message>
        <source>a lead needs an email, a name or a company</source>
        <translation>een lead heeft een e-mailadres, een naam of een bedrijf nodig</translation>
    </message>
</context>
<context>
    <name>LeadColumns</name>
    <message>
        <source>&quot;%1&quot; is not an ISO 4217 currency code</source>
        <translation>&quot;%1&quot; is geen ISO 4217-valutacode</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a destination (%2)</source>
        <translation>&quot;%1&quot; is geen opvolgbestemming (%2)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a reason to disqualify (%2)</source>
        <translation>&quot;%1&quot; is geen reden om te diskwalificeren (%2)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a whole number</source>
        <translation>&quot;%1&quot; is geen geheel getal</translation>
    </message>
    <message>
        <source>%1 is not between 0 and 100</source>
        <translation>%1 ligt niet tussen 0 en 100</translation>
    </message>
    <message>
        <source>%1 is not a count of at least 1</source>
        <translation>%1 is geen aantal van minstens 1</translation>
    </message>
    <message>
        <source>%1 is not a count</source>
        <translation>%1 is geen aantal</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number</source>
        <translation>&quot;%1&quot; is geen getal</translation>
    </message>
    <message>
        <source>%1 is not between 0 and 1</source>
        <translation>%1 ligt niet tussen 0 en 1</translation>
    </message>
    <message>
        <source>%1 is not an amount (0 when unset)</source>
        <translation>%1 is geen bedrag (0 als het niet is ingevuld)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not true or false</source>
        <translation>&quot;%1&quot; is niet true of false</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an ISO 8601 time</source>
        <translation>&quot;%1&quot; is geen ISO 8601-tijd</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a storefront (appsource, azure-marketplace, azure-portal, other)</source>
        <translation>&quot;%1&quot; is geen storefront (appsource, azure-marketplace, azure-portal, other)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a stage (%2)</source>
        <translation>&quot;%1&quot; is geen fase (%2)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not A, B, C or D</source>
        <translation>&quot;%1&quot; is niet A, B, C of D</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an origin (%2)</source>
        <translation>&quot;%1&quot; is geen herkomst (%2)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an email address</source>
        <translation>&quot;%1&quot; is geen e-mailadres</translation>
    </message>
</context>
<context>
    <name>LeadEditor</name>
    <message>
        <source>lead %1 no longer exists</source>
        <translation>lead %1 bestaat niet meer</translation>
    </message>
    <message>
        <source>1 lead changed by someone else meanwhile was left as it is</source>
        <translation>1 lead die intussen door iemand anders is gewijzigd, is ongemoeid gelaten</translation>
    </message>
    <message>
        <source>%L1 leads changed by someone else meanwhile were left as they are</source>
        <translation>%L1 leads die intussen door iemand anders zijn gewijzigd, zijn ongemoeid gelaten</translation>
    </message>
    <message>
        <source>Could not save “%1”: %2</source>
        <translation>Kan “%1” niet opslaan: %2</translation>
    </message>
    <message>
        <source>Delete 1 lead</source>
        <translation>1 lead verwijderen</translation>
    </message>
    <message>
        <source>Delete %L1 leads</source>
        <translation>%L1 leads verwijderen</translation>
    </message>
    <message>
        <source>Could not do “%1”: %2</source>
        <translation>Kan “%1” niet uitvoeren: %2</translation>
    </message>
    <message>
        <source>Could not add the note: the lead no longer exists</source>
        <translation>Kan de notitie niet toevoegen: de lead bestaat niet meer</translation>
    </message>
    <message>
        <source>Could not add the note: %1</source>
        <translation>Kan de notitie niet toevoegen: %1</translation>
    </message>
    <message>
        <source>lead %1</source>
        <translation>lead %1</translation>
    </message>
    <message>
        <source>%1 was changed by someone else since; their change stays and was not undone</source>
        <translation>%1 is sindsdien door iemand anders gewijzigd; die wijziging blijft staan en is niet ongedaan gemaakt</translation>
    </message>
    <message>
        <source>%1 was changed by someone else since; their change stays and was not redone</source>
        <translation>%1 is sindsdien door iemand anders gewijzigd; die wijziging blijft staan en is niet opnieuw uitgevoerd</translation>
    </message>
    <message>
        <source>Could not undo “%1” everywhere: %2</source>
        <translation>Kan “%1” niet overal ongedaan maken: %2</translation>
    </message>
    <message>
        <source>Could not redo “%1” everywhere: %2</source>
        <translation>Kan “%1” niet overal opnieuw uitvoeren: %2</translation>
    </message>
    <message>
        <source>lead %1 is no longer in the trash</source>
        <translation>lead %1 staat niet meer in de prullenbak</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Ongedaan maken</translation>
    </message>
    <message>
        <source>Take back the last change to leads</source>
        <translation>De laatste wijziging aan leads terugdraaien</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Ongedaan maken: %1</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>O&amp;pnieuw uitvoeren</translation>
    </message>
    <message>
        <source>Make the change taken back again</source>
        <translation>De teruggedraaide wijziging opnieuw uitvoeren</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>O&amp;pnieuw uitvoeren: %1</translation>
    </message>
    <message>
        <source>lead %1 was changed by someone else meanwhile; look at it again and retry</source>
        <translation>lead %1 is intussen door iemand anders gewijzigd; bekijk de lead opnieuw en probeer het nog eens</translation>
    </message>
</context>
<context>
    <name>LeadExporter</name>
    <message>
        <source>cannot write: %1</source>
        <translation>kan niet schrijven: %1</translation>
    </message>
    <message>
        <source>cannot sort: unknown column %1</source>
        <translation>kan niet sorteren: onbekende kolom %1</translation>
    </message>
    <message>
        <source>cannot rename %1 to %2</source>
        <translation>kan %1 niet hernoemen naar %2</translation>
    </message>
    <message>
        <source>unknown column %1</source>
        <translation>onbekende kolom %1</translation>
    </message>
</context>
<context>
    <name>LeadHistory</name>
    <message>
        <source>cannot read events: %1</source>
        <translation>kan de gebeurtenissen niet lezen: %1</translation>
    </message>
    <message>
        <source>cannot read activities: %1</source>
        <translation>kan de activiteiten niet lezen: %1</translation>
    </message>
</context>
<context>
    <name>LeadImporter</name>
    <message>
        <source>is empty: there is no header line</source>
        <translation>is leeg: er is geen kopregel</translation>
    </message>
    <message>
        <source>%1: line %2: the header %3</source>
        <translation>%1: regel %2: de kopregel %3</translation>
    </message>
    <message>
        <source>%1: line 1: %2</source>
        <translation>%1: regel 1: %2</translation>
    </message>
    <message>
        <source>line %1: the header %2</source>
        <translation>regel %1: de kopregel %2</translation>
    </message>
    <message>
        <source>line 1: %1</source>
        <translation>regel 1: %1</translation>
    </message>
    <message>
        <source>line 1: the mapping has %1 columns, the header %2</source>
        <translation>regel 1: de koppeling heeft %1 kolommen, de kopregel %2</translation>
    </message>
    <message>
        <source>line 1: %1%2</source>
        <translation>regel 1: %1%2</translation>
    </message>
    <message>
        <source>; the file looks separated by semicolons (--delimiter &quot;;&quot;)</source>
        <translation>; het bestand lijkt gescheiden door puntkomma&apos;s (--delimiter &quot;;&quot;)</translation>
    </message>
    <message>
        <source>%1: line 1: column %2 &quot;%3&quot; %4</source>
        <translation>%1: regel 1: kolom %2 &quot;%3&quot; %4</translation>
    </message>
    <message>
        <source>is ignored: %1</source>
        <translation>wordt genegeerd: %1</translation>
    </message>
    <message>
        <source>is not a lead field; it is kept as an extra field</source>
        <translation>is geen leadveld; de kolom wordt bewaard als extra veld</translation>
    </message>
    <message>
        <source>%1: line %2: %3</source>
        <translation>%1: regel %2: %3</translation>
    </message>
    <message>
        <source>cannot start a transaction: %1</source>
        <translation>kan geen transactie starten: %1</translation>
    </message>
    <message>
        <source>cannot prepare the bulk load: %1</source>
        <translation>kan het bulkladen niet voorbereiden: %1</translation>
    </message>
    <message>
        <source>cannot rebuild the indexes: %1</source>
        <translation>kan de indexen niet opnieuw opbouwen: %1</translation>
    </message>
    <message>
        <source>cannot commit the import: %1</source>
        <translation>kan de import niet vastleggen: %1</translation>
    </message>
</context>
<context>
    <name>LeadPanel</name>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <source>Lead panel</source>
        <translation>Leadpaneel</translation>
    </message>
    <message>
        <source>Select a lead to see it here.</source>
        <translation>Selecteer een lead om deze hier te zien.</translation>
    </message>
    <message>
        <source>No lead selected</source>
        <translation>Geen lead geselecteerd</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Do not contact</source>
        <translation>Niet benaderen</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Email problem</source>
        <translation>Probleem met e-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>Phone problem</source>
        <translation>Probleem met telefoon</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Telefoon:</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Bedrijf</translation>
    </message>
    <message>
        <source>Company:</source>
        <translation>Bedrijf:</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Functie</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Functie:</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Country:</source>
        <translation>Land:</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>Aanbieding</translation>
    </message>
    <message>
        <source>Offer:</source>
        <translation>Aanbieding:</translation>
    </message>
    <message>
        <source>Storefront</source>
        <translation>Storefront</translation>
    </message>
    <message>
        <source>Storefront:</source>
        <translation>Storefront:</translation>
    </message>
    <message>
        <source>Score:</source>
        <translation>Score:</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>&amp;Stage:</source>
        <translation>&amp;Fase:</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eigenaar</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Niemand</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>&amp;Eigenaar:</translation>
    </message>
    <message>
        <source>Follow up planned</source>
        <translation>Opvolging gepland</translation>
    </message>
    <message>
        <source>Unticked: no follow-up planned</source>
        <translation>Niet aangevinkt: geen opvolging gepland</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>Volgende opvolging</translation>
    </message>
    <message>
        <source>None planned</source>
        <translation>Niets gepland</translation>
    </message>
    <message>
        <source>Next &amp;follow-up:</source>
        <translation>Volgende &amp;opvolging:</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Opvolging</translation>
    </message>
    <message>
        <source>Qualification</source>
        <translation>Kwalificatie</translation>
    </message>
    <message>
        <source>Save problem</source>
        <translation>Probleem bij opslaan</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Nieuwe notitie</translation>
    </message>
    <message>
        <source>Log a call, an email, a next step…</source>
        <translation>Leg een gesprek, een e-mail, een volgende stap vast…</translation>
    </message>
    <message>
        <source>Add &amp;note</source>
        <translation>&amp;Notitie toevoegen</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Notitie toevoegen</translation>
    </message>
    <message>
        <source>Unnamed lead</source>
        <translation>Naamloze lead</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Do not contact: the marketplace sent this lead through a cross-listed partner, for your information only.</source>
        <translation>Niet benaderen: de marketplace stuurde deze lead via een cross-listed partner, alleen ter informatie.</translation>
    </message>
    <message>
        <source>Do not contact: this lead is marked do-not-contact.</source>
        <translation>Niet benaderen: deze lead is gemarkeerd als niet benaderen.</translation>
    </message>
    <message>
        <source>Microsoft withholds contact details of .edu addresses for privacy.</source>
        <translation>Microsoft houdt contactgegevens van .edu-adressen achter vanwege privacy.</translation>
    </message>
    <message>
        <source>This does not look like an email address.</source>
        <translation>Dit lijkt geen e-mailadres.</translation>
    </message>
    <message>
        <source>This does not look like a phone number.</source>
        <translation>Dit lijkt geen telefoonnummer.</translation>
    </message>
    <message>
        <source>Set stage to %1</source>
        <translation>Fase instellen op %1</translation>
    </message>
    <message>
        <source>Clear owner</source>
        <translation>Eigenaar wissen</translation>
    </message>
    <message>
        <source>Assign to %1</source>
        <translation>Toewijzen aan %1</translation>
    </message>
    <message>
        <source>Set next follow-up</source>
        <translation>Volgende opvolging instellen</translation>
    </message>
    <message>
        <source>Clear next follow-up</source>
        <translation>Volgende opvolging wissen</translation>
    </message>
    <message>
        <source>The last change is still being saved; try again in a moment.</source>
        <translation>De laatste wijziging wordt nog opgeslagen; probeer het zo opnieuw.</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>storefront</source>
        <translation>storefront</translation>
    </message>
    <message>
        <source>action</source>
        <translation>actie</translation>
    </message>
    <message>
        <source>offer id</source>
        <translation>aanbiedings-id</translation>
    </message>
    <message>
        <source>offer title</source>
        <translation>aanbiedingstitel</translation>
    </message>
    <message>
        <source>first name</source>
        <translation>voornaam</translation>
    </message>
    <message>
        <source>last name</source>
        <translation>achternaam</translation>
    </message>
    <message>
        <source>email</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>telefoon</translation>
    </message>
    <message>
        <source>country</source>
        <translation>land</translation>
    </message>
    <message>
        <source>company</source>
        <translation>bedrijf</translation>
    </message>
    <message>
        <source>title</source>
        <translation>functie</translation>
    </message>
    <message>
        <source>description</source>
        <translation>beschrijving</translation>
    </message>
    <message>
        <source>created</source>
        <translation>aangemaakt</translation>
    </message>
    <message>
        <source>last event</source>
        <translation>laatste gebeurtenis</translation>
    </message>
    <message>
        <source>events</source>
        <translation>gebeurtenissen</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>fase</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>eigenaar</translation>
    </message>
    <message>
        <source>score</source>
        <translation>score</translation>
    </message>
    <message>
        <source>grade</source>
        <translation>klasse</translation>
    </message>
    <message>
        <source>win probability</source>
        <translation>winkans</translation>
    </message>
    <message>
        <source>next follow up</source>
        <translation>volgende opvolging</translation>
    </message>
    <message>
        <source>follow ups</source>
        <translation>opvolgingen</translation>
    </message>
    <message>
        <source>do not contact</source>
        <translation>niet benaderen</translation>
    </message>
    <message>
        <source>is test</source>
        <translation>testlead</translation>
    </message>
    <message>
        <source>campaign</source>
        <translation>campagne</translation>
    </message>
    <message>
        <source>origin</source>
        <translation>herkomst</translation>
    </message>
    <message>
        <source>privacy restricted</source>
        <translation>privacybeperkt</translation>
    </message>
    <message>
        <source>version</source>
        <translation>versie</translation>
    </message>
    <message>
        <source>qualification</source>
        <translation>kwalificatie</translation>
    </message>
    <message>
        <source>opportunity value</source>
        <translation>waarde verkoopkans</translation>
    </message>
    <message>
        <source>opportunity currency</source>
        <translation>valuta verkoopkans</translation>
    </message>
    <message>
        <source>expected close</source>
        <translation>verwachte afsluiting</translation>
    </message>
    <message>
        <source>destination</source>
        <translation>opvolgbestemming</translation>
    </message>
    <message>
        <source>disqualify reason</source>
        <translation>reden diskwalificatie</translation>
    </message>
    <message>
        <source>disqualify note</source>
        <translation>notitie diskwalificatie</translation>
    </message>
</context>
<context>
    <name>LeadPayloadReader</name>
    <message>
        <source>a string</source>
        <translation>een tekst</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>een booleaanse waarde</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>een getal</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>een array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>een object</translation>
    </message>
    <message>
        <source>is over %1 MiB, more than lead payloads take; split it</source>
        <translation>is groter dan %1 MiB, meer dan leadpayloads innemen; splits het</translation>
    </message>
    <message>
        <source>is empty: it holds no lead payload</source>
        <translation>is leeg: het bevat geen leadpayload</translation>
    </message>
    <message>
        <source>is no lead payload JSON: that starts with { or [, this with &quot;%1&quot;</source>
        <translation>is geen leadpayload-JSON: die begint met { of [, dit met &quot;%1&quot;</translation>
    </message>
    <message>
        <source>is not valid JSON: %1 at line %2, column %3 (byte %4)</source>
        <translation>is geen geldige JSON: %1 op regel %2, kolom %3 (byte %4)</translation>
    </message>
    <message>
        <source>is neither a lead payload object nor an array of them</source>
        <translation>is geen leadpayload-object en ook geen array daarvan</translation>
    </message>
    <message>
        <source>is %1, not a lead object</source>
        <translation>is %1, geen leadobject</translation>
    </message>
</context>
<context>
    <name>LeadRecordMapper</name>
    <message>
        <source>has %1 fields, the header has %2</source>
        <translation>heeft %1 velden, de kopregel heeft er %2</translation>
    </message>
    <message>
        <source>field %1: %2</source>
        <translation>veld %1: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a country; the country is left empty and the text kept as an extra field</source>
        <translation>&quot;%1&quot; is geen land; het land blijft leeg en de tekst wordt bewaard als extra veld</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not JSON customer details ({&quot;FirstName&quot;: …, &quot;Email&quot;: …})</source>
        <translation>&quot;%1&quot; zijn geen klantgegevens in JSON ({&quot;FirstName&quot;: …, &quot;Email&quot;: …})</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an email address</source>
        <translation>&quot;%1&quot; is geen e-mailadres</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a stage Leadbench knows; the lead stays new and the text is kept as an extra field</source>
        <translation>&quot;%1&quot; is geen fase die Leadbench kent; de lead blijft nieuw en de tekst wordt bewaard als extra veld</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a rating (Hot, Warm, Cold) or a grade (A to D); the text is kept as an extra field</source>
        <translation>&quot;%1&quot; is geen beoordeling (Hot, Warm, Cold) of klasse (A tot D); de tekst wordt bewaard als extra veld</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date</source>
        <translation>&quot;%1&quot; is geen datum</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not true or false</source>
        <translation>&quot;%1&quot; is niet true of false</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a value of %2</source>
        <translation>&quot;%1&quot; is geen waarde van %2</translation>
    </message>
    <message>
        <source>no email, no name and no company: nothing identifies the customer</source>
        <translation>geen e-mail, geen naam en geen bedrijf: niets identificeert de klant</translation>
    </message>
</context>
<context>
    <name>LeadRepository</name>
    <message>
        <source>cannot read leads</source>
        <translation>kan de leads niet lezen</translation>
    </message>
    <message>
        <source>cannot count leads</source>
        <translation>kan de leads niet tellen</translation>
    </message>
    <message>
        <source>cannot sort</source>
        <translation>kan niet sorteren</translation>
    </message>
    <message>
        <source>unknown column %1</source>
        <translation>onbekende kolom %1</translation>
    </message>
    <message>
        <source>cannot read the lead keys</source>
        <translation>kan de sleutels van de leads niet lezen</translation>
    </message>
    <message>
        <source>cannot list values</source>
        <translation>kan de waarden niet opsommen</translation>
    </message>
    <message>
        <source>no choices for %1</source>
        <translation>geen keuzes voor %1</translation>
    </message>
    <message>
        <source>cannot compute statistics</source>
        <translation>kan de statistieken niet berekenen</translation>
    </message>
</context>
<context>
    <name>LeadRescorer</name>
    <message>
        <source>cannot start a transaction: %1</source>
        <translation>kan geen transactie starten: %1</translation>
    </message>
    <message>
        <source>cannot set the score index aside: %1</source>
        <translation>kan de score-index niet opzijzetten: %1</translation>
    </message>
    <message>
        <source>cancelled; no score was changed</source>
        <translation>geannuleerd; er is geen score gewijzigd</translation>
    </message>
    <message>
        <source>cannot rebuild the score index: %1</source>
        <translation>kan de score-index niet opnieuw opbouwen: %1</translation>
    </message>
    <message>
        <source>cannot commit: %1</source>
        <translation>kan de wijzigingen niet vastleggen: %1</translation>
    </message>
    <message>
        <source>cannot prepare the rewrite: %1</source>
        <translation>kan het herschrijven niet voorbereiden: %1</translation>
    </message>
</context>
<context>
    <name>LeadStepWriter</name>
    <message>
        <source>no lead with id %1</source>
        <translation>geen lead met id %1</translation>
    </message>
    <message>
        <source>lead %1 was changed by someone else (version %2, not %3)</source>
        <translation>lead %1 is door iemand anders gewijzigd (versie %2, niet %3)</translation>
    </message>
</context>
<context>
    <name>LeadTableModel</name>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Bedrijf</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Functie</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Storefront</source>
        <translation>Storefront</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Actie</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>Aanbieding</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eigenaar</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Opvolging</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Aangemaakt</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Laatste activiteit</translation>
    </message>
    <message>
        <source>Could not load</source>
        <translation>Kan niet laden</translation>
    </message>
    <message>
        <source>Do not contact</source>
        <translation>Niet benaderen</translation>
    </message>
    <message>
        <source>Test lead (not a real prospect)</source>
        <translation>Testlead (geen echte prospect)</translation>
    </message>
    <message>
        <source>Personal details withheld by Microsoft (.edu)</source>
        <translation>Persoonsgegevens achtergehouden door Microsoft (.edu)</translation>
    </message>
    <message>
        <source>Not touched yet: past the first-touch target of %1 hours
%2</source>
        <translation>Nog niet benaderd: over het streefdoel van %1 uur voor eerste contact
%2</translation>
    </message>
    <message>
        <source>Overdue since %1</source>
        <translation>Te laat sinds %1</translation>
    </message>
    <message>
        <source>(withheld)</source>
        <translation>(achtergehouden)</translation>
    </message>
    <message>
        <source>Could not count the leads: %1</source>
        <translation>Kan de leads niet tellen: %1</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>Could not load leads %1: %2</source>
        <translation>Kan leads %1 niet laden: %2</translation>
    </message>
</context>
<context>
    <name>LeadTimeline</name>
    <message>
        <source>History</source>
        <translation>Geschiedenis</translation>
    </message>
    <message>
        <source>History, newest first</source>
        <translation>Geschiedenis, nieuwste eerst</translation>
    </message>
    <message>
        <source>Could not read the history: %1</source>
        <translation>Kan de geschiedenis niet lezen: %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>Installatie</translation>
    </message>
    <message>
        <source>Contact me</source>
        <translation>Neem contact met mij op</translation>
    </message>
    <message>
        <source>Do not contact</source>
        <translation>Niet benaderen</translation>
    </message>
    <message>
        <source>Azure portal purchase</source>
        <translation>Aankoop via de Azure-portal</translation>
    </message>
    <message>
        <source>Test drive</source>
        <translation>Testrit</translation>
    </message>
    <message>
        <source>%1 (%2) on %3</source>
        <translation>%1 (%2) via %3</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Iemand</translation>
    </message>
    <message>
        <source>Lead created</source>
        <translation>Lead aangemaakt</translation>
    </message>
    <message>
        <source>Lead created from %1</source>
        <translation>Lead aangemaakt uit %1</translation>
    </message>
    <message>
        <source>Another record arrived: %1</source>
        <translation>Er is nog een record binnengekomen: %1</translation>
    </message>
    <message>
        <source>%1 changed %2: %3 → %4</source>
        <translation>%1 wijzigde %2: %3 → %4</translation>
    </message>
    <message>
        <source>%1 moved the lead to the trash</source>
        <translation>%1 verplaatste de lead naar de prullenbak</translation>
    </message>
    <message>
        <source>%1 restored the lead from the trash</source>
        <translation>%1 zette de lead terug uit de prullenbak</translation>
    </message>
    <message>
        <source>%1 noted: %2</source>
        <translation>%1 noteerde: %2</translation>
    </message>
    <message>
        <source>%1 logged a %2: %3 %4</source>
        <translation>%1 legde een %2 vast: %3 %4</translation>
    </message>
    <message>
        <source>call</source>
        <comment>someone logged a call</comment>
        <translation>gesprek</translation>
    </message>
    <message>
        <source>email</source>
        <comment>someone logged an email</comment>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>meeting</source>
        <comment>someone logged a meeting</comment>
        <translation>afspraak</translation>
    </message>
    <message>
        <source>task</source>
        <comment>someone logged a task</comment>
        <translation>taak</translation>
    </message>
    <message>
        <source>note</source>
        <comment>someone logged a note</comment>
        <translation>notitie</translation>
    </message>
</context>
<context>
    <name>LeadTrash</name>
    <message>
        <source>no lead with id %1</source>
        <translation>geen lead met id %1</translation>
    </message>
    <message>
        <source>cannot read lead %1: %2</source>
        <translation>kan lead %1 niet lezen: %2</translation>
    </message>
    <message>
        <source>cannot read the events of lead %1: %2</source>
        <translation>kan de gebeurtenissen van lead %1 niet lezen: %2</translation>
    </message>
    <message>
        <source>cannot read the activities of lead %1: %2</source>
        <translation>kan de activiteiten van lead %1 niet lezen: %2</translation>
    </message>
    <message>
        <source>cannot read the follow-up plan of lead %1: %2</source>
        <translation>kan het opvolgplan van lead %1 niet lezen: %2</translation>
    </message>
    <message>
        <source>cannot keep lead %1 in the trash: %2</source>
        <translation>kan lead %1 niet in de prullenbak bewaren: %2</translation>
    </message>
    <message>
        <source>cannot delete lead %1: %2</source>
        <translation>kan lead %1 niet verwijderen: %2</translation>
    </message>
    <message>
        <source>lead %1 was changed by someone else while it was being deleted; it was kept</source>
        <translation>lead %1 is door iemand anders gewijzigd terwijl hij werd verwijderd; de lead is bewaard</translation>
    </message>
    <message>
        <source>cannot read the trash: %1</source>
        <translation>kan de prullenbak niet lezen: %1</translation>
    </message>
    <message>
        <source>lead %1 is not in the trash</source>
        <translation>lead %1 staat niet in de prullenbak</translation>
    </message>
    <message>
        <source>lead %1 cannot come back: lead %2 is the same person and offer, and arrived since</source>
        <translation>lead %1 kan niet terugkomen: lead %2 is dezelfde persoon en aanbieding en is sindsdien binnengekomen</translation>
    </message>
    <message>
        <source>lead %1 cannot come back: its id is taken</source>
        <translation>lead %1 kan niet terugkomen: het id is al in gebruik</translation>
    </message>
    <message>
        <source>cannot restore lead %1: %2</source>
        <translation>kan lead %1 niet terugzetten: %2</translation>
    </message>
    <message>
        <source>cannot empty the trash of lead %1: %2</source>
        <translation>kan de prullenbak van lead %1 niet legen: %2</translation>
    </message>
</context>
<context>
    <name>LeadWriter</name>
    <message>
        <source>cannot score the lead</source>
        <translation>kan de lead niet scoren</translation>
    </message>
    <message>
        <source>cannot prepare the lead statements</source>
        <translation>kan de opdrachten voor leads niet voorbereiden</translation>
    </message>
    <message>
        <source>cannot store the lead: it has no email, no name and no company</source>
        <translation>kan de lead niet opslaan: hij heeft geen e-mail, geen naam en geen bedrijf</translation>
    </message>
    <message>
        <source>cannot store the lead</source>
        <translation>kan de lead niet opslaan</translation>
    </message>
    <message>
        <source>cannot store the event</source>
        <translation>kan de gebeurtenis niet opslaan</translation>
    </message>
    <message>
        <source>cannot store the activities</source>
        <translation>kan de activiteiten niet opslaan</translation>
    </message>
    <message>
        <source>cannot store the activities: no transaction</source>
        <translation>kan de activiteiten niet opslaan: geen transactie</translation>
    </message>
    <message>
        <source>cannot store the event: no transaction</source>
        <translation>kan de gebeurtenis niet opslaan: geen transactie</translation>
    </message>
    <message>
        <source>cannot store the lead: no transaction</source>
        <translation>kan de lead niet opslaan: geen transactie</translation>
    </message>
    <message>
        <source>cannot change lead %1</source>
        <translation>kan lead %1 niet wijzigen</translation>
    </message>
    <message>
        <source>no lead with id %1</source>
        <translation>geen lead met id %1</translation>
    </message>
    <message>
        <source>lead %1 was changed by someone else (version %2, not %3)</source>
        <translation>lead %1 is door iemand anders gewijzigd (versie %2, niet %3)</translation>
    </message>
    <message>
        <source>lead %1 is already this person&apos;s lead for this offer</source>
        <translation>lead %1 is al de lead van deze persoon voor deze aanbieding</translation>
    </message>
    <message>
        <source>lead %1 was changed by someone else</source>
        <translation>lead %1 is door iemand anders gewijzigd</translation>
    </message>
    <message>
        <source>a note needs some text</source>
        <translation>een notitie heeft tekst nodig</translation>
    </message>
    <message>
        <source>cannot start a transaction: %1</source>
        <translation>kan geen transactie starten: %1</translation>
    </message>
    <message>
        <source>cannot commit: %1</source>
        <translation>kan de wijzigingen niet vastleggen: %1</translation>
    </message>
    <message>
        <source>cannot look for the lead</source>
        <translation>kan de lead niet zoeken</translation>
    </message>
    <message>
        <source>cannot take in the record: %1</source>
        <translation>kan het record niet opnemen: %1</translation>
    </message>
    <message>
        <source>cannot take in the record: no transaction</source>
        <translation>kan het record niet opnemen: geen transactie</translation>
    </message>
    <message>
        <source>no email, no name and no company</source>
        <translation>geen e-mail, geen naam en geen bedrijf</translation>
    </message>
    <message>
        <source>the lead of this person and offer kept changing while the record was taken in</source>
        <translation>de lead van deze persoon en aanbieding bleef veranderen terwijl het record werd opgenomen</translation>
    </message>
    <message>
        <source>cannot read the events of lead %1: %2</source>
        <translation>kan de gebeurtenissen van lead %1 niet lezen: %2</translation>
    </message>
    <message>
        <source>kind: &quot;%1&quot; is not a follow-up kind (%2)</source>
        <translation>kind: &quot;%1&quot; is geen soort opvolging (%2)</translation>
    </message>
    <message>
        <source>grade %1 does not go with score %2, which is grade %3</source>
        <translation>klasse %1 past niet bij score %2, die klasse %3 is</translation>
    </message>
</context>
<context>
    <name>LogTouchDialog</name>
    <message>
        <source>Log a touch with %1</source>
        <translation>Een contactmoment met %1 vastleggen</translation>
    </message>
    <message>
        <source>Kind of touch</source>
        <translation>Soort contactmoment</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Soort:</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <source>left a voicemail</source>
        <translation>voicemail ingesproken</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>geen antwoord</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>verzonden</translation>
    </message>
    <message>
        <source>talked</source>
        <translation>gesproken</translation>
    </message>
    <message>
        <source>How it went; &quot;responded&quot; ends a cadence</source>
        <translation>Hoe het ging; &quot;responded&quot; beëindigt een cadans</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>&amp;Resultaat:</translation>
    </message>
    <message>
        <source>What was said</source>
        <translation>Wat er is gezegd</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Tekst:</translation>
    </message>
    <message>
        <source>&amp;Next follow-up:</source>
        <translation>&amp;Volgende opvolging:</translation>
    </message>
    <message>
        <source>Schedule the next follow-up</source>
        <translation>De volgende opvolging plannen</translation>
    </message>
    <message>
        <source>Next follow-up time</source>
        <translation>Tijdstip van de volgende opvolging</translation>
    </message>
    <message>
        <source>Next follow-up kind</source>
        <translation>Soort van de volgende opvolging</translation>
    </message>
    <message>
        <source>&amp;Log touch</source>
        <translation>Contactmoment vast&amp;leggen</translation>
    </message>
    <message>
        <source>Say how it went: the outcome is needed.</source>
        <translation>Geef aan hoe het ging: het resultaat is nodig.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Leadbench — %1</source>
        <translation>Leadbench — %1</translation>
    </message>
    <message>
        <source>Storefront queues</source>
        <translation>Storefront-wachtrijen</translation>
    </message>
    <message>
        <source>Adding demo leads… %p%</source>
        <translation>Demoleads toevoegen… %p%</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>%1 — trying again…</source>
        <translation>%1 — opnieuw proberen…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>Close the window and end Leadbench</source>
        <translation>Het venster sluiten en Leadbench afsluiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Beel&amp;d</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Vernieuwen</translation>
    </message>
    <message>
        <source>Read the queues, leads and counts from the database again</source>
        <translation>De wachtrijen, leads en aantallen opnieuw uit de database lezen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Sneltoetsen</translation>
    </message>
    <message>
        <source>Every key the workbench answers to</source>
        <translation>Elke toets waarop de werkbank reageert</translation>
    </message>
    <message>
        <source>&amp;About Leadbench</source>
        <translation>&amp;Over Leadbench</translation>
    </message>
    <message>
        <source>The version, the Qt version and the database in use</source>
        <translation>De versie, de Qt-versie en de gebruikte database</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>&amp;Instellingen</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Taal</translation>
    </message>
    <message>
        <source>&amp;System language</source>
        <translation>&amp;Systeemtaal</translation>
    </message>
    <message>
        <source>Speak the system&apos;s language; applies after a restart</source>
        <translation>De taal van het systeem gebruiken; geldt na opnieuw starten</translation>
    </message>
    <message>
        <source>Speak %1; applies after a restart</source>
        <translation>%1 gebruiken; geldt na opnieuw starten</translation>
    </message>
    <message>
        <source>the system&apos;s language</source>
        <translation>de taal van het systeem</translation>
    </message>
    <message>
        <source>Leadbench speaks %1 after a restart</source>
        <translation>Leadbench gebruikt %1 na opnieuw starten</translation>
    </message>
    <message>
        <source>Counting leads…</source>
        <translation>Leads tellen…</translation>
    </message>
    <message>
        <source>Leads not counted</source>
        <translation>Leads niet geteld</translation>
    </message>
    <message>
        <source>1 lead</source>
        <translation>1 lead</translation>
    </message>
    <message>
        <source>%1 leads</source>
        <translation>%1 leads</translation>
    </message>
    <message>
        <source>Adding %1 demo leads to the new database…</source>
        <translation>%1 demoleads toevoegen aan de nieuwe database…</translation>
    </message>
    <message>
        <source>Added %1 demo leads</source>
        <translation>%1 demoleads toegevoegd</translation>
    </message>
    <message>
        <source>Demo data cancelled; nothing was added</source>
        <translation>Demogegevens geannuleerd; er is niets toegevoegd</translation>
    </message>
    <message>
        <source>Could not add demo leads: %1</source>
        <translation>Kan geen demoleads toevoegen: %1</translation>
    </message>
    <message>
        <source>About Leadbench</source>
        <translation>Over Leadbench</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>Show or hide the column %1</source>
        <translation>De kolom %1 tonen of verbergen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopiëren</translation>
    </message>
    <message>
        <source>Copy the selected leads as tab-separated text, with the columns shown</source>
        <translation>De geselecteerde leads kopiëren als tekst gescheiden door tabs, met de getoonde kolommen</translation>
    </message>
    <message>
        <source>No leads match</source>
        <translation>Geen leads gevonden</translation>
    </message>
    <message>
        <source>No leads yet</source>
        <translation>Nog geen leads</translation>
    </message>
    <message>
        <source>%1 selected</source>
        <translation>%1 geselecteerd</translation>
    </message>
    <message>
        <source>Imported leads only</source>
        <translation>Alleen geïmporteerde leads</translation>
    </message>
    <message>
        <source>&amp;Leads</source>
        <translation>&amp;Leads</translation>
    </message>
    <message>
        <source>C&amp;harts</source>
        <translation>Gra&amp;fieken</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Terug</translation>
    </message>
    <message>
        <source>Back to the leads shown before the chart was clicked</source>
        <translation>Terug naar de leads die werden getoond voordat op de grafiek werd geklikt</translation>
    </message>
    <message>
        <source>From the charts: %1</source>
        <translation>Uit de grafieken: %1</translation>
    </message>
    <message>
        <source>Copied 1 lead</source>
        <translation>1 lead gekopieerd</translation>
    </message>
    <message>
        <source>Copied %L1 leads</source>
        <translation>%L1 leads gekopieerd</translation>
    </message>
    <message>
        <source>Copied %1 of %2 leads: the others are not loaded yet; scroll through them and copy again</source>
        <translation>%1 van %2 leads gekopieerd: de andere zijn nog niet geladen; scrol erdoorheen en kopieer opnieuw</translation>
    </message>
    <message>
        <source>me</source>
        <translation>ik</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>Be&amp;werken</translation>
    </message>
    <message>
        <source>Keep my %1</source>
        <translation>Mijn %1 behouden</translation>
    </message>
    <message>
        <source>Exported 1 lead to %1</source>
        <translation>1 lead geëxporteerd naar %1</translation>
    </message>
    <message>
        <source>Exported %1 leads to %2</source>
        <translation>%1 leads geëxporteerd naar %2</translation>
    </message>
    <message>
        <source>Export cancelled; %1 was not written</source>
        <translation>Exporteren geannuleerd; %1 is niet geschreven</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importeren…</translation>
    </message>
    <message>
        <source>Leads from a CSV file, an Excel workbook or marketplace JSON</source>
        <translation>Leads uit een CSV-bestand, een Excel-werkmap of marketplace-JSON</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exporteren</translation>
    </message>
    <message>
        <source>&amp;CSV…</source>
        <translation>&amp;CSV…</translation>
    </message>
    <message>
        <source>The leads shown, with the columns shown, as a CSV file</source>
        <translation>De getoonde leads, met de getoonde kolommen, als CSV-bestand</translation>
    </message>
    <message>
        <source>&amp;Excel…</source>
        <translation>&amp;Excel…</translation>
    </message>
    <message>
        <source>The leads shown, with the columns shown, as an Excel workbook</source>
        <translation>De getoonde leads, met de getoonde kolommen, als Excel-werkmap</translation>
    </message>
    <message>
        <source>For &amp;Salesforce…</source>
        <translation>Voor &amp;Salesforce…</translation>
    </message>
    <message>
        <source>The leads shown as a CSV file in the columns and words Salesforce&apos;s lead import reads without mapping</source>
        <translation>De getoonde leads als CSV-bestand met de kolommen en woorden die de leadimport van Salesforce zonder toewijzing leest</translation>
    </message>
    <message>
        <source>For &amp;Dynamics 365…</source>
        <translation>Voor &amp;Dynamics 365…</translation>
    </message>
    <message>
        <source>The leads shown as a CSV file in the columns and words Dynamics 365&apos;s lead import reads without mapping</source>
        <translation>De getoonde leads als CSV-bestand met de kolommen en woorden die de leadimport van Dynamics 365 zonder toewijzing leest</translation>
    </message>
    <message>
        <source>E&amp;xport selection…</source>
        <translation>Se&amp;lectie exporteren…</translation>
    </message>
    <message>
        <source>The selected leads, with the columns shown, as a CSV file or Excel workbook</source>
        <translation>De geselecteerde leads, met de getoonde kolommen, als CSV-bestand of Excel-werkmap</translation>
    </message>
    <message>
        <source>Export Leads</source>
        <translation>Leads exporteren</translation>
    </message>
    <message>
        <source>An export is still running</source>
        <translation>Er loopt nog een export</translation>
    </message>
    <message>
        <source>The selected leads are not loaded yet; scroll through them and export again</source>
        <translation>De geselecteerde leads zijn nog niet geladen; scrol erdoorheen en exporteer opnieuw</translation>
    </message>
    <message>
        <source>%1 of the selected leads are not loaded yet and are left out; scroll through them and export again to include them</source>
        <translation>%1 van de geselecteerde leads zijn nog niet geladen en worden weggelaten; scrol erdoorheen en exporteer opnieuw om ze mee te nemen</translation>
    </message>
    <message>
        <source>Imported 1 lead</source>
        <translation>1 lead geïmporteerd</translation>
    </message>
    <message>
        <source>Imported %1 leads</source>
        <translation>%1 leads geïmporteerd</translation>
    </message>
    <message>
        <source>Showing the leads of the import; choose a queue or a filter to see all leads</source>
        <translation>De leads van de import worden getoond; kies een wachtrij of filter om alle leads te zien</translation>
    </message>
    <message>
        <source>Due queue</source>
        <translation>Opvolgwachtrij</translation>
    </message>
    <message>
        <source>&amp;Nurture</source>
        <translation>&amp;Koesteren</translation>
    </message>
    <message>
        <source>&amp;Due queue</source>
        <translation>&amp;Opvolgwachtrij</translation>
    </message>
    <message>
        <source>Your overdue and today&apos;s follow-ups, oldest first</source>
        <translation>Uw te late opvolgingen en die van vandaag, oudste eerst</translation>
    </message>
    <message>
        <source>&amp;Cadences…</source>
        <translation>&amp;Cadansen…</translation>
    </message>
    <message>
        <source>The sequences of touches leads are enrolled in</source>
        <translation>De reeksen contactmomenten waarin leads zijn ingeschreven</translation>
    </message>
    <message>
        <source>Ca&amp;mpaigns…</source>
        <translation>Ca&amp;mpagnes…</translation>
    </message>
    <message>
        <source>The campaigns with their lead counts; link the selected leads</source>
        <translation>De campagnes met hun aantallen leads; koppel de geselecteerde leads</translation>
    </message>
    <message>
        <source>Leadbench</source>
        <translation>Leadbench</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Saved views</source>
        <translation>Opgeslagen weergaven</translation>
    </message>
    <message>
        <source>Vie&amp;ws</source>
        <translation>Weer&amp;gaven</translation>
    </message>
    <message>
        <source>&amp;Save Current as View…</source>
        <translation>Huidige weergave &amp;opslaan…</translation>
    </message>
    <message>
        <source>Keep the current queue, filters, sort and columns under a name</source>
        <translation>De huidige wachtrij, filters, sortering en kolommen onder een naam bewaren</translation>
    </message>
    <message>
        <source>&amp;Rename View…</source>
        <translation>Weergave &amp;hernoemen…</translation>
    </message>
    <message>
        <source>Give the chosen saved view another name</source>
        <translation>De gekozen opgeslagen weergave een andere naam geven</translation>
    </message>
    <message>
        <source>&amp;Delete View</source>
        <translation>Weergave &amp;verwijderen</translation>
    </message>
    <message>
        <source>Remove the chosen saved view; its leads stay</source>
        <translation>De gekozen opgeslagen weergave verwijderen; de leads blijven</translation>
    </message>
    <message>
        <source>Saved the view “%1”</source>
        <translation>De weergave “%1” is opgeslagen</translation>
    </message>
    <message>
        <source>Save Current as View</source>
        <translation>Huidige weergave opslaan</translation>
    </message>
    <message>
        <source>A name for the current filter, sort and columns:</source>
        <translation>Een naam voor het huidige filter, de sortering en de kolommen:</translation>
    </message>
    <message>
        <source>Rename View</source>
        <translation>Weergave hernoemen</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Nieuwe naam:</translation>
    </message>
    <message>
        <source>Delete View</source>
        <translation>Weergave verwijderen</translation>
    </message>
    <message>
        <source>Delete the saved view “%1”? Everyone who uses this database loses it.</source>
        <translation>De opgeslagen weergave “%1” verwijderen? Iedereen die deze database gebruikt, raakt haar kwijt.</translation>
    </message>
    <message>
        <source>Saved views: %1</source>
        <translation>Opgeslagen weergaven: %1</translation>
    </message>
    <message>
        <source>&amp;Scoring</source>
        <translation>&amp;Score</translation>
    </message>
    <message>
        <source>Scoring &amp;rules…</source>
        <translation>Score&amp;regels…</translation>
    </message>
    <message>
        <source>Edit the rules and grade bands behind every lead&apos;s score, with a preview, and rescore</source>
        <translation>De regels en klassegrenzen achter de score van elke lead bewerken, met een voorbeeld, en opnieuw scoren</translation>
    </message>
    <message>
        <source>PostgreSQL server %1</source>
        <translation>PostgreSQL-server %1</translation>
    </message>
    <message>
        <source>SQLite file %1</source>
        <translation>SQLite-bestand %1</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Leadbench %1&lt;/h3&gt;&lt;p&gt;A desktop lead workbench for publishers selling through Microsoft&apos;s commercial marketplace: AppSource and Azure Marketplace.&lt;/p&gt;&lt;p&gt;Database: %2&lt;br&gt;Qt %3 (built with Qt %4)&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Leadbench %1&lt;/h3&gt;&lt;p&gt;Een werkbank voor leads op de desktop, voor uitgevers die verkopen via de commerciële marketplace van Microsoft: AppSource en Azure Marketplace.&lt;/p&gt;&lt;p&gt;Database: %2&lt;br&gt;Qt %3 (gebouwd met Qt %4)&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Leadbench is free software under the MIT licence. It uses Qt under the GNU LGPL version 3, and Qt Charts under the GNU GPL version 3, so the program as a whole is distributed under the GPL version 3. It also uses SQLite (public domain), libxlsxwriter (BSD 2-clause licence), minizip and zlib (zlib licence), and for PostgreSQL the libpq client library (PostgreSQL licence).&lt;/p&gt;&lt;p&gt;On Debian, each library&apos;s copyright file in /usr/share/doc holds its licence in full.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Leadbench is vrije software onder de MIT-licentie. Het gebruikt Qt onder de GNU LGPL versie 3 en Qt Charts onder de GNU GPL versie 3, zodat het programma als geheel wordt verspreid onder de GPL versie 3. Verder gebruikt het SQLite (publiek domein), libxlsxwriter (BSD-licentie met 2 clausules), minizip en zlib (zlib-licentie) en voor PostgreSQL de clientbibliotheek libpq (PostgreSQL-licentie).&lt;/p&gt;&lt;p&gt;Op Debian staat de volledige licentie van elke bibliotheek in haar copyright-bestand in /usr/share/doc.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MappingProfileRepository</name>
    <message>
        <source>cannot read the mapping profiles</source>
        <translation>kan de toewijzingsprofielen niet lezen</translation>
    </message>
    <message>
        <source>cannot read mapping profile &quot;%1&quot;</source>
        <translation>kan toewijzingsprofiel &quot;%1&quot; niet lezen</translation>
    </message>
    <message>
        <source>there is no mapping profile &quot;%1&quot;</source>
        <translation>er is geen toewijzingsprofiel &quot;%1&quot;</translation>
    </message>
    <message>
        <source>a mapping profile needs a name</source>
        <translation>een toewijzingsprofiel heeft een naam nodig</translation>
    </message>
    <message>
        <source>cannot save the mapping profile</source>
        <translation>kan het toewijzingsprofiel niet opslaan</translation>
    </message>
    <message>
        <source>cannot delete the mapping profile</source>
        <translation>kan het toewijzingsprofiel niet verwijderen</translation>
    </message>
</context>
<context>
    <name>Migrator</name>
    <message>
        <source>migration failed: %1 (in: %2)</source>
        <translation>migratie mislukt: %1 (in: %2)</translation>
    </message>
    <message>
        <source>cannot read the indexes to analyse: %1</source>
        <translation>kan de te analyseren indexen niet lezen: %1</translation>
    </message>
    <message>
        <source>cannot read the schema of %1: %2</source>
        <translation>kan het schema van %1 niet lezen: %2</translation>
    </message>
    <message>
        <source>%1 is not a Leadbench database: it holds other tables and no Leadbench schema version; it was left untouched</source>
        <translation>%1 is geen Leadbench-database: er staan andere tabellen in en geen schemaversie van Leadbench; de database is ongewijzigd gelaten</translation>
    </message>
    <message>
        <source>cannot read the schema version of %1: %2</source>
        <translation>kan de schemaversie van %1 niet lezen: %2</translation>
    </message>
    <message>
        <source>%1 has schema version %2, newer than this Leadbench understands (%3); it was left untouched. Use a newer Leadbench.</source>
        <translation>%1 heeft schemaversie %2, nieuwer dan deze Leadbench begrijpt (%3); de database is ongewijzigd gelaten. Gebruik een nieuwere Leadbench.</translation>
    </message>
    <message>
        <source>cannot start a transaction on %1: %2</source>
        <translation>kan geen transactie starten op %1: %2</translation>
    </message>
    <message>
        <source>cannot record the schema version: %1</source>
        <translation>kan de schemaversie niet vastleggen: %1</translation>
    </message>
    <message>
        <source>cannot commit the migration: %1</source>
        <translation>kan de migratie niet vastleggen: %1</translation>
    </message>
</context>
<context>
    <name>NurturePolicy</name>
    <message>
        <source>lead %1: a follow-up is a %2, not a %3</source>
        <translation>lead %1: een opvolging is een %2, geen %3</translation>
    </message>
    <message>
        <source>lead %1: a touch is a %2, not a %3</source>
        <translation>lead %1: een contactmoment is een %2, geen %3</translation>
    </message>
    <message>
        <source>lead %1: a touch needs an outcome (such as &quot;left a voicemail&quot; or &quot;responded&quot;)</source>
        <translation>lead %1: een contactmoment heeft een uitkomst nodig (zoals &quot;voicemail ingesproken&quot; of &quot;gereageerd&quot;)</translation>
    </message>
    <message>
        <source>lead %1</source>
        <translation>lead %1</translation>
    </message>
    <message>
        <source>%1 is closed (%2): it cannot join a cadence</source>
        <translation>%1 is afgesloten (%2): deze kan geen cadans volgen</translation>
    </message>
    <message>
        <source>%1 is do-not-contact: it cannot join a cadence</source>
        <translation>%1 is niet benaderen: deze kan geen cadans volgen</translation>
    </message>
    <message>
        <source>%1 is a test lead: it cannot join a cadence</source>
        <translation>%1 is een testlead: deze kan geen cadans volgen</translation>
    </message>
    <message>
        <source>cadence &quot;%1&quot; has no touches</source>
        <translation>cadans &quot;%1&quot; heeft geen contactmomenten</translation>
    </message>
    <message>
        <source>%1 is closed (%2): it gets no touches</source>
        <translation>%1 is afgesloten (%2): deze krijgt geen contactmomenten</translation>
    </message>
    <message>
        <source>%1 is do-not-contact: it gets no touches</source>
        <translation>%1 is niet benaderen: deze krijgt geen contactmomenten</translation>
    </message>
    <message>
        <source>%1 is a test lead: it gets no touches</source>
        <translation>%1 is een testlead: deze krijgt geen contactmomenten</translation>
    </message>
</context>
<context>
    <name>OfferPerformanceChart</name>
    <message>
        <source>Offer performance</source>
        <translation>Prestaties per aanbieding</translation>
    </message>
    <message>
        <source>No leads in this selection</source>
        <translation>Geen leads in deze selectie</translation>
    </message>
    <message>
        <source>(no offer)</source>
        <translation>(geen aanbieding)</translation>
    </message>
    <message>
        <source>%1 · Q %2% · W %3%</source>
        <translation>%1 · K %2% · G %3%</translation>
    </message>
    <message>
        <source>%1, %2: %3 of %4 leads
qualified %5%, won %6%, average score %7</source>
        <translation>%1, %2: %3 van %4 leads
gekwalificeerd %5%, gewonnen %6%, gemiddelde score %7</translation>
    </message>
    <message>
        <source>Offer · qualified % · won %</source>
        <translation>Aanbieding · gekwalificeerd % · gewonnen %</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
</context>
<context>
    <name>OpportunityDetails</name>
    <message>
        <source>value: %1 is not an amount above 0</source>
        <translation>value: %1 is geen bedrag boven 0</translation>
    </message>
    <message>
        <source>currency: an ISO 4217 code such as USD or EUR is needed</source>
        <translation>currency: een ISO 4217-code zoals USD of EUR is nodig</translation>
    </message>
    <message>
        <source>currency: &quot;%1&quot; is not an ISO 4217 currency code</source>
        <translation>currency: &quot;%1&quot; is geen ISO 4217-valutacode</translation>
    </message>
    <message>
        <source>close date: an expected close date is needed</source>
        <translation>close date: een verwachte afsluitdatum is nodig</translation>
    </message>
    <message>
        <source>destination: one of %1 is needed</source>
        <translation>destination: een van %1 is nodig</translation>
    </message>
    <message>
        <source>destination: &quot;%1&quot; is not %2</source>
        <translation>destination: &quot;%1&quot; is geen van %2</translation>
    </message>
    <message>
        <source>value: an estimated value above 0 is needed</source>
        <translation>value: een geschatte waarde boven 0 is nodig</translation>
    </message>
    <message>
        <source>value: &quot;%1&quot; is not a number</source>
        <translation>value: &quot;%1&quot; is geen getal</translation>
    </message>
    <message>
        <source>close date: &quot;%1&quot; is not a date (YYYY-MM-DD) or an ISO 8601 time</source>
        <translation>close date: &quot;%1&quot; is geen datum (JJJJ-MM-DD) of ISO 8601-tijd</translation>
    </message>
</context>
<context>
    <name>PrerequisiteStore</name>
    <message>
        <source>cannot read the qualification checklist: %1</source>
        <translation>kan de kwalificatiechecklist niet lezen: %1</translation>
    </message>
    <message>
        <source>the stored qualification checklist (meta key &quot;%1&quot;) is unreadable: %2</source>
        <translation>de opgeslagen kwalificatiechecklist (metasleutel &quot;%1&quot;) is onleesbaar: %2</translation>
    </message>
    <message>
        <source>cannot store the qualification checklist: %1</source>
        <translation>kan de kwalificatiechecklist niet opslaan: %1</translation>
    </message>
    <message>
        <source>cannot reset the qualification checklist: %1</source>
        <translation>kan de kwalificatiechecklist niet terugzetten: %1</translation>
    </message>
</context>
<context>
    <name>Qualification</name>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Authority</source>
        <translation>Bevoegdheid</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>Behoefte</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Tijdlijn</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a checklist: a JSON object of item → {&quot;by&quot;, &quot;at&quot;} is expected</source>
        <translation>&quot;%1&quot; is geen checklist: verwacht wordt een JSON-object van item → {&quot;by&quot;, &quot;at&quot;}</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a checklist item name (lower-case letters, digits, - and _)</source>
        <translation>&quot;%1&quot; is geen naam van een checklistitem (kleine letters, cijfers, - en _)</translation>
    </message>
    <message>
        <source>checklist item &quot;%1&quot;: {&quot;by&quot;: name, &quot;at&quot;: ISO 8601 time} is expected, not %2</source>
        <translation>checklistitem &quot;%1&quot;: verwacht wordt {&quot;by&quot;: naam, &quot;at&quot;: ISO 8601-tijd}, niet %2</translation>
    </message>
</context>
<context>
    <name>QualificationPolicy</name>
    <message>
        <source>%1 and %2</source>
        <translation>%1 en %2</translation>
    </message>
    <message>
        <source>a checklist needs at least one prerequisite</source>
        <translation>een checklist heeft minstens één voorwaarde nodig</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a prerequisite name: use 1 to 40 lower-case letters, digits, - and _</source>
        <translation>&quot;%1&quot; is geen naam van een voorwaarde: gebruik 1 tot 40 kleine letters, cijfers, - en _</translation>
    </message>
    <message>
        <source>prerequisite &quot;%1&quot; is listed twice</source>
        <translation>voorwaarde &quot;%1&quot; staat er twee keer in</translation>
    </message>
    <message>
        <source>prerequisite &quot;%1&quot; has no label</source>
        <translation>voorwaarde &quot;%1&quot; heeft geen label</translation>
    </message>
    <message>
        <source>lead %1: &quot;%2&quot; is not a qualification prerequisite (%3)</source>
        <translation>lead %1: &quot;%2&quot; is geen voorwaarde om te kwalificeren (%3)</translation>
    </message>
    <message>
        <source>lead %1 is %2, a closed stage: it cannot be qualified</source>
        <translation>lead %1 is %2, een afgesloten fase: deze kan niet worden gekwalificeerd</translation>
    </message>
    <message>
        <source>lead %1 is %2, a closed stage: it cannot be converted to an opportunity</source>
        <translation>lead %1 is %2, een afgesloten fase: deze kan niet worden omgezet in een verkoopkans</translation>
    </message>
    <message>
        <source>lead %1 is marked do-not-contact: it cannot be qualified; disqualify it with reason dnc</source>
        <translation>lead %1 staat op niet benaderen: deze kan niet worden gekwalificeerd; diskwalificeer met reden dnc</translation>
    </message>
    <message>
        <source>lead %1 is marked do-not-contact: it cannot be converted to an opportunity; disqualify it with reason dnc</source>
        <translation>lead %1 staat op niet benaderen: deze kan niet worden omgezet in een verkoopkans; diskwalificeer met reden dnc</translation>
    </message>
    <message>
        <source>lead %1 is a test lead (MSFT_TEST_): it cannot be qualified; disqualify it with reason test-lead</source>
        <translation>lead %1 is een testlead (MSFT_TEST_): deze kan niet worden gekwalificeerd; diskwalificeer met reden test-lead</translation>
    </message>
    <message>
        <source>lead %1 is a test lead (MSFT_TEST_): it cannot be converted to an opportunity; disqualify it with reason test-lead</source>
        <translation>lead %1 is een testlead (MSFT_TEST_): deze kan niet worden omgezet in een verkoopkans; diskwalificeer met reden test-lead</translation>
    </message>
    <message>
        <source>lead %1 is an opportunity already: it is past qualification</source>
        <translation>lead %1 is al een verkoopkans: het kwalificeren is voorbij</translation>
    </message>
    <message>
        <source>lead %1 cannot be qualified: %2 is not ticked (--check %3)</source>
        <translation>lead %1 kan niet worden gekwalificeerd: %2 is niet aangevinkt (--check %3)</translation>
    </message>
    <message>
        <source>lead %1 cannot be qualified: %2 are not ticked (--check %3)</source>
        <translation>lead %1 kan niet worden gekwalificeerd: %2 zijn niet aangevinkt (--check %3)</translation>
    </message>
    <message>
        <source>lead %1 is %2: qualify it before converting it to an opportunity</source>
        <translation>lead %1 is %2: kwalificeer de lead voordat u deze omzet in een verkoopkans</translation>
    </message>
    <message>
        <source>lead %1 cannot be converted: %2</source>
        <translation>lead %1 kan niet worden omgezet: %2</translation>
    </message>
    <message>
        <source>lead %1 is %2, a closed stage: it cannot be disqualified</source>
        <translation>lead %1 is %2, een afgesloten fase: deze kan niet worden gediskwalificeerd</translation>
    </message>
    <message>
        <source>lead %1 needs a reason to be disqualified: %2</source>
        <translation>lead %1 heeft een reden nodig om gediskwalificeerd te worden: %2</translation>
    </message>
    <message>
        <source>lead %1: &quot;%2&quot; is not a reason to disqualify (%3)</source>
        <translation>lead %1: &quot;%2&quot; is geen reden om te diskwalificeren (%3)</translation>
    </message>
    <message>
        <source>reason &quot;other&quot; needs a text saying why lead %1 is disqualified</source>
        <translation>reden &quot;other&quot; vraagt om een tekst die zegt waarom lead %1 is gediskwalificeerd</translation>
    </message>
</context>
<context>
    <name>QualificationSection</name>
    <message>
        <source>Qualification</source>
        <translation>Kwalificatie</translation>
    </message>
    <message>
        <source>Opportunity or disqualification</source>
        <translation>Verkoopkans of diskwalificatie</translation>
    </message>
    <message>
        <source>&amp;Qualify</source>
        <translation>&amp;Kwalificeren</translation>
    </message>
    <message>
        <source>Qualify</source>
        <translation>Kwalificeren</translation>
    </message>
    <message>
        <source>Tick every prerequisite and move the lead to Qualified</source>
        <translation>Alle voorwaarden afvinken en de lead naar Gekwalificeerd verplaatsen</translation>
    </message>
    <message>
        <source>Con&amp;vert…</source>
        <translation>Om&amp;zetten…</translation>
    </message>
    <message>
        <source>Convert to opportunity</source>
        <translation>Omzetten in verkoopkans</translation>
    </message>
    <message>
        <source>Record the opportunity&apos;s value and close date and move the lead to Opportunity</source>
        <translation>De waarde en afsluitdatum van de verkoopkans vastleggen en de lead naar Verkoopkans verplaatsen</translation>
    </message>
    <message>
        <source>&amp;Disqualify…</source>
        <translation>&amp;Diskwalificeren…</translation>
    </message>
    <message>
        <source>Disqualify</source>
        <translation>Diskwalificeren</translation>
    </message>
    <message>
        <source>Close the lead as disqualified, with the reason</source>
        <translation>De lead afsluiten als gediskwalificeerd, met de reden</translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2, %3</translation>
    </message>
    <message>
        <source>Ticked by %1 on %2</source>
        <translation>Afgevinkt door %1 op %2</translation>
    </message>
    <message>
        <source>Not known yet</source>
        <translation>Nog niet bekend</translation>
    </message>
    <message>
        <source>Disqualified: %1</source>
        <translation>Gediskwalificeerd: %1</translation>
    </message>
    <message>
        <source>Disqualified: %1 — %2</source>
        <translation>Gediskwalificeerd: %1 — %2</translation>
    </message>
    <message>
        <source>Opportunity: %1 · expected to close %2 · followed up in %3</source>
        <translation>Verkoopkans: %1 · verwachte afsluiting %2 · opgevolgd in %3</translation>
    </message>
    <message>
        <source>Tick %1</source>
        <translation>%1 afvinken</translation>
    </message>
    <message>
        <source>Untick %1</source>
        <translation>%1 uitvinken</translation>
    </message>
    <message>
        <source>Qualify %1</source>
        <translation>%1 kwalificeren</translation>
    </message>
    <message>
        <source>Convert %1 to an opportunity</source>
        <translation>%1 omzetten in een verkoopkans</translation>
    </message>
    <message>
        <source>Disqualify %1</source>
        <translation>%1 diskwalificeren</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>an amount, then its ISO 4217 currency code</comment>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>RelativeTime</name>
    <message>
        <source>just now</source>
        <translation>zojuist</translation>
    </message>
    <message>
        <source>%1 minute ago</source>
        <translation>%1 minuut geleden</translation>
    </message>
    <message>
        <source>%1 minutes ago</source>
        <translation>%1 minuten geleden</translation>
    </message>
    <message>
        <source>in %1 minute</source>
        <translation>over %1 minuut</translation>
    </message>
    <message>
        <source>in %1 minutes</source>
        <translation>over %1 minuten</translation>
    </message>
    <message>
        <source>%1 hour ago</source>
        <translation>%1 uur geleden</translation>
    </message>
    <message>
        <source>%1 hours ago</source>
        <translation>%1 uur geleden</translation>
    </message>
    <message>
        <source>in %1 hour</source>
        <translation>over %1 uur</translation>
    </message>
    <message>
        <source>in %1 hours</source>
        <translation>over %1 uur</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>gisteren</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>morgen</translation>
    </message>
    <message>
        <source>%1 day ago</source>
        <translation>%1 dag geleden</translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation>%1 dagen geleden</translation>
    </message>
    <message>
        <source>in %1 day</source>
        <translation>over %1 dag</translation>
    </message>
    <message>
        <source>in %1 days</source>
        <translation>over %1 dagen</translation>
    </message>
</context>
<context>
    <name>SavedViewListModel</name>
    <message>
        <source>A saved view: click to apply it</source>
        <translation>Een opgeslagen weergave: klik om haar toe te passen</translation>
    </message>
    <message>
        <source>Saved by %1: click to apply it</source>
        <translation>Opgeslagen door %1: klik om haar toe te passen</translation>
    </message>
</context>
<context>
    <name>SavedViewRepository</name>
    <message>
        <source>cannot read the saved views: %1</source>
        <translation>kan de opgeslagen weergaven niet lezen: %1</translation>
    </message>
    <message>
        <source>cannot read saved view %1: %2</source>
        <translation>kan opgeslagen weergave %1 niet lezen: %2</translation>
    </message>
    <message>
        <source>no saved view %1</source>
        <translation>geen opgeslagen weergave %1</translation>
    </message>
    <message>
        <source>a saved view needs a name</source>
        <translation>een opgeslagen weergave heeft een naam nodig</translation>
    </message>
    <message>
        <source>cannot save the view: %1</source>
        <translation>kan de weergave niet opslaan: %1</translation>
    </message>
    <message>
        <source>a view named &quot;%1&quot; exists already</source>
        <translation>er bestaat al een weergave met de naam &quot;%1&quot;</translation>
    </message>
    <message>
        <source>cannot delete the view: %1</source>
        <translation>kan de weergave niet verwijderen: %1</translation>
    </message>
</context>
<context>
    <name>SavedViews</name>
    <message>
        <source>My new leads</source>
        <translation>Mijn nieuwe leads</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Vandaag gepland</translation>
    </message>
    <message>
        <source>Hot — grade A</source>
        <translation>Heet — klasse A</translation>
    </message>
    <message>
        <source>Do not contact</source>
        <translation>Niet benaderen</translation>
    </message>
</context>
<context>
    <name>ScoreDistributionChart</name>
    <message>
        <source>Score distribution</source>
        <translation>Scoreverdeling</translation>
    </message>
    <message>
        <source>Leads by score grade</source>
        <translation>Leads per scoreklasse</translation>
    </message>
    <message>
        <source>No leads in this selection</source>
        <translation>Geen leads in deze selectie</translation>
    </message>
    <message>
        <source>%1&lt;br&gt;avg %2</source>
        <translation>%1&lt;br&gt;gem. %2</translation>
    </message>
    <message>
        <source>Ungraded</source>
        <translation>Zonder&lt;br&gt;klasse</translation>
    </message>
    <message>
        <source>Grade %1, %2: %3 of %4 leads, average score %5</source>
        <translation>Klasse %1, %2: %3 van %4 leads, gemiddelde score %5</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>Grade · average score</source>
        <translation>Klasse · gemiddelde score</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
</context>
<context>
    <name>ScoreSection</name>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Score and grade</source>
        <translation>Score en klasse</translation>
    </message>
    <message>
        <source>Why this score</source>
        <translation>Waarom deze score</translation>
    </message>
    <message>
        <source>Win probability</source>
        <translation>Winkans</translation>
    </message>
    <message>
        <source>What moves the win probability</source>
        <translation>Wat de winkans beïnvloedt</translation>
    </message>
    <message>
        <source>closed, no longer predicted</source>
        <translation>afgesloten, niet meer voorspeld</translation>
    </message>
    <message>
        <source>none for a do-not-contact lead</source>
        <translation>geen voor een lead die niet benaderd mag worden</translation>
    </message>
    <message>
        <source>not yet: it is learned from 200 closed leads or more, at the next rescoring</source>
        <translation>nog niet: de winkans wordt geleerd uit 200 of meer afgesloten leads, bij de volgende herscoring</translation>
    </message>
    <message>
        <source>Not scored: test leads prove a connection and are no prospects.</source>
        <translation>Niet gescoord: testleads bewijzen dat een verbinding werkt en zijn geen prospects.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; of 100</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; van 100</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; of 100 · grade &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; van 100 · klasse &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Scored by version %1 of the scoring rules</source>
        <translation>Gescoord met versie %1 van de scoreregels</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>Win probability: %1</source>
        <translation>Winkans: %1</translation>
    </message>
    <message>
        <source>not enough history</source>
        <translation>niet genoeg geschiedenis</translation>
    </message>
    <message>
        <source>Win probability: &lt;b&gt;%1 %&lt;/b&gt;</source>
        <translation>Winkans: &lt;b&gt;%1 %&lt;/b&gt;</translation>
    </message>
    <message>
        <source>▲ Up: %1</source>
        <translation>▲ Omhoog: %1</translation>
    </message>
    <message>
        <source>▼ Down: %1</source>
        <translation>▼ Omlaag: %1</translation>
    </message>
</context>
<context>
    <name>ScoreStore</name>
    <message>
        <source>cannot prepare the score statements: %1</source>
        <translation>kan de opdrachten voor scores niet voorbereiden: %1</translation>
    </message>
    <message>
        <source>cannot read the leads&apos; ids: %1</source>
        <translation>kan de id&apos;s van de leads niet lezen: %1</translation>
    </message>
    <message>
        <source>cannot count the leads: %1</source>
        <translation>kan de leads niet tellen: %1</translation>
    </message>
    <message>
        <source>cannot read the leads to score: %1</source>
        <translation>kan de te scoren leads niet lezen: %1</translation>
    </message>
    <message>
        <source>cannot store the score of lead %1: %2</source>
        <translation>kan de score van lead %1 niet opslaan: %2</translation>
    </message>
    <message>
        <source>cannot record the grade of lead %1: %2</source>
        <translation>kan de klasse van lead %1 niet vastleggen: %2</translation>
    </message>
    <message>
        <source>cannot store the win probability of lead %1: %2</source>
        <translation>kan de winkans van lead %1 niet opslaan: %2</translation>
    </message>
    <message>
        <source>cannot read the scores&apos; version: %1</source>
        <translation>kan de modelversie van de scores niet lezen: %1</translation>
    </message>
    <message>
        <source>cannot record the scores&apos; version: %1</source>
        <translation>kan de modelversie van de scores niet vastleggen: %1</translation>
    </message>
</context>
<context>
    <name>ScoringDialog</name>
    <message>
        <source>Scoring</source>
        <translation>Scoren</translation>
    </message>
    <message>
        <source>Scoring pages</source>
        <translation>Scorepagina&apos;s</translation>
    </message>
    <message>
        <source>Each rule adds its points to a lead&apos;s score when it applies; the sum, from 0 to 100, sets the grade. Saving makes a new version and rescores every lead with it.</source>
        <translation>Elke regel telt zijn punten op bij de score van een lead als hij van toepassing is; de som, van 0 tot 100, bepaalt de klasse. Opslaan maakt een nieuwe versie en scoort daarmee elke lead opnieuw.</translation>
    </message>
    <message>
        <source>Scoring rules</source>
        <translation>Scoreregels</translation>
    </message>
    <message>
        <source>Add a rule</source>
        <translation>Een regel toevoegen</translation>
    </message>
    <message>
        <source>&amp;Add rule</source>
        <translation>Regel &amp;toevoegen</translation>
    </message>
    <message>
        <source>Marketplace action</source>
        <translation>Marketplace-actie</translation>
    </message>
    <message>
        <source>Storefront</source>
        <translation>Storefront</translation>
    </message>
    <message>
        <source>Title seniority</source>
        <translation>Senioriteit van de functie</translation>
    </message>
    <message>
        <source>Kind of email</source>
        <translation>Soort e-mailadres</translation>
    </message>
    <message>
        <source>Phone number known</source>
        <translation>Telefoonnummer bekend</translation>
    </message>
    <message>
        <source>Company known</source>
        <translation>Bedrijf bekend</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Landen</translation>
    </message>
    <message>
        <source>Marketplace events</source>
        <translation>Marketplace-gebeurtenissen</translation>
    </message>
    <message>
        <source>Recent activity</source>
        <translation>Recente activiteit</translation>
    </message>
    <message>
        <source>Add a rule on: %1</source>
        <translation>Een regel toevoegen op: %1</translation>
    </message>
    <message>
        <source>&amp;Remove rule</source>
        <translation>Regel &amp;verwijderen</translation>
    </message>
    <message>
        <source>Remove the selected rule</source>
        <translation>De geselecteerde regel verwijderen</translation>
    </message>
    <message>
        <source>Grade A from</source>
        <translation>Klasse A vanaf</translation>
    </message>
    <message>
        <source>B from</source>
        <translation>B vanaf</translation>
    </message>
    <message>
        <source>C from</source>
        <translation>C vanaf</translation>
    </message>
    <message>
        <source>(D below)</source>
        <translation>(D daaronder)</translation>
    </message>
    <message>
        <source>Grades under the edited rules</source>
        <translation>Klassen volgens de bewerkte regels</translation>
    </message>
    <message>
        <source>Scoring message</source>
        <translation>Scoremelding</translation>
    </message>
    <message>
        <source>&amp;Rules</source>
        <translation>&amp;Regels</translation>
    </message>
    <message>
        <source>&amp;Win probability</source>
        <translation>&amp;Winkans</translation>
    </message>
    <message>
        <source>Rescoring progress</source>
        <translation>Voortgang van de herscoring</translation>
    </message>
    <message>
        <source>Cancel rescoring</source>
        <translation>Herscoring annuleren</translation>
    </message>
    <message>
        <source>&amp;Save and rescore</source>
        <translation>&amp;Opslaan en opnieuw scoren</translation>
    </message>
    <message>
        <source>Save the rules and rescore every lead</source>
        <translation>De regels opslaan en elke lead opnieuw scoren</translation>
    </message>
    <message>
        <source>Could not read the scoring rules: %1</source>
        <translation>Kan de scoreregels niet lezen: %1</translation>
    </message>
    <message>
        <source>Version %1 of the rules.</source>
        <translation>Versie %1 van de regels.</translation>
    </message>
    <message>
        <source>The grade bands must go down: A from more points than B, B from more than C.</source>
        <translation>De klassegrenzen moeten aflopen: A vanaf meer punten dan B, B vanaf meer dan C.</translation>
    </message>
    <message>
        <source>Edited: not saved yet.</source>
        <translation>Bewerkt: nog niet opgeslagen.</translation>
    </message>
    <message>
        <source>Grading every lead under these rules…</source>
        <translation>Elke lead wordt ingedeeld volgens deze regels…</translation>
    </message>
    <message>
        <source>Could not grade the leads: %1</source>
        <translation>Kan de leads niet indelen in klassen: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; %2 (%3 %)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; %2 (%3 %)</translation>
    </message>
    <message>
        <source>Under these rules: %1 · mean score %2.&lt;br&gt;%3 of %4 leads would change grade.</source>
        <translation>Volgens deze regels: %1 · gemiddelde score %2.&lt;br&gt;Een andere klasse voor %3 van %4 leads.</translation>
    </message>
    <message>
        <source>Saving the rules…</source>
        <translation>De regels worden opgeslagen…</translation>
    </message>
    <message>
        <source>Rescoring %1 of %2 leads…</source>
        <translation>%1 van %2 leads opnieuw scoren…</translation>
    </message>
    <message>
        <source>Saved as version %1; rescoring was cancelled, so the leads keep their scores until they change or are rescored.</source>
        <translation>Opgeslagen als versie %1; de herscoring is geannuleerd, dus de leads houden hun score tot ze wijzigen of opnieuw worden gescoord.</translation>
    </message>
    <message>
        <source>Saved as version %1, but rescoring failed: %2</source>
        <translation>Opgeslagen als versie %1, maar de herscoring is mislukt: %2</translation>
    </message>
    <message>
        <source>Could not save the rules: %1</source>
        <translation>Kan de regels niet opslaan: %1</translation>
    </message>
    <message>
        <source>Saved as version %1; %2 leads have a new score.</source>
        <translation>Opgeslagen als versie %1; %2 leads hebben een nieuwe score.</translation>
    </message>
</context>
<context>
    <name>ScoringModel</name>
    <message>
        <source>grades.%1: %2 is not a score from 0 to 100</source>
        <translation>grades.%1: %2 is geen score van 0 tot 100</translation>
    </message>
    <message>
        <source>grades: A (%1) must be above B (%2) and B above C (%3)</source>
        <translation>grades: A (%1) moet boven B (%2) liggen en B boven C (%3)</translation>
    </message>
    <message>
        <source>rules: a list of rules is missing</source>
        <translation>rules: een lijst met regels ontbreekt</translation>
    </message>
    <message>
        <source>rules[%1]: not a rule object</source>
        <translation>rules[%1]: geen regelobject</translation>
    </message>
    <message>
        <source>rules[%1], rule &quot;%2&quot;: the id is used twice</source>
        <translation>rules[%1], regel &quot;%2&quot;: het id komt twee keer voor</translation>
    </message>
    <message>
        <source>not JSON at offset %1: %2</source>
        <translation>geen JSON op positie %1: %2</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>geen JSON-object</translation>
    </message>
</context>
<context>
    <name>ScoringModelRepository</name>
    <message>
        <source>cannot read the scoring model: %1</source>
        <translation>kan het scoremodel niet lezen: %1</translation>
    </message>
    <message>
        <source>scoring model version %1 in %2 is unreadable: %3</source>
        <translation>versie %1 van het scoremodel in %2 is onleesbaar: %3</translation>
    </message>
    <message>
        <source>cannot store the default scoring model: %1</source>
        <translation>kan het standaardscoremodel niet opslaan: %1</translation>
    </message>
    <message>
        <source>the default scoring model was not stored</source>
        <translation>het standaardscoremodel is niet opgeslagen</translation>
    </message>
    <message>
        <source>cannot save the scoring model: %1</source>
        <translation>kan het scoremodel niet opslaan: %1</translation>
    </message>
    <message>
        <source>cannot read the scoring model versions: %1</source>
        <translation>kan de versies van het scoremodel niet lezen: %1</translation>
    </message>
</context>
<context>
    <name>ScoringRule</name>
    <message>
        <source>a rule without an id</source>
        <translation>een regel zonder id</translation>
    </message>
    <message>
        <source>rule &quot;%1&quot;</source>
        <translation>regel &quot;%1&quot;</translation>
    </message>
    <message>
        <source>&quot;id&quot; is missing</source>
        <translation>&quot;id&quot; ontbreekt</translation>
    </message>
    <message>
        <source>&quot;kind&quot;: &quot;%1&quot; is not action, storefront, seniority, email, has_phone, has_company, country, engagement or recency</source>
        <translation>&quot;kind&quot;: &quot;%1&quot; is niet action, storefront, seniority, email, has_phone, has_company, country, engagement of recency</translation>
    </message>
    <message>
        <source>&quot;points&quot; must be a whole number</source>
        <translation>&quot;points&quot; moet een geheel getal zijn</translation>
    </message>
    <message>
        <source>&quot;points&quot;: %1 is outside -100..100</source>
        <translation>&quot;points&quot;: %1 ligt buiten -100..100</translation>
    </message>
    <message>
        <source>&quot;label&quot; is missing: a rep reads it in the explanation</source>
        <translation>&quot;label&quot; ontbreekt: een verkoper leest het in de uitleg</translation>
    </message>
    <message>
        <source>&quot;value&quot; is missing</source>
        <translation>&quot;value&quot; ontbreekt</translation>
    </message>
    <message>
        <source>&quot;value&quot;: &quot;%1&quot; is no %2</source>
        <translation>&quot;value&quot;: &quot;%1&quot; is geen %2</translation>
    </message>
    <message>
        <source>&quot;countries&quot;: &quot;%1&quot; is not a two-letter country code</source>
        <translation>&quot;countries&quot;: &quot;%1&quot; is geen landcode van twee letters</translation>
    </message>
    <message>
        <source>&quot;countries&quot; needs at least one country code</source>
        <translation>&quot;countries&quot; heeft minstens één landcode nodig</translation>
    </message>
    <message>
        <source>&quot;min_events&quot; must be a whole number of at least 1</source>
        <translation>&quot;min_events&quot; moet een geheel getal van minstens 1 zijn</translation>
    </message>
    <message>
        <source>&quot;days&quot; must be a whole number of at least 1</source>
        <translation>&quot;days&quot; moet een geheel getal van minstens 1 zijn</translation>
    </message>
</context>
<context>
    <name>ScoringRules</name>
    <message>
        <source>Installed the offer</source>
        <translation>Heeft de aanbieding geïnstalleerd</translation>
    </message>
    <message>
        <source>Bought it in the Azure portal</source>
        <translation>Gekocht in de Azure-portal</translation>
    </message>
    <message>
        <source>Started a test drive</source>
        <translation>Startte een testrit</translation>
    </message>
    <message>
        <source>Asked to be contacted</source>
        <translation>Vroeg om contact</translation>
    </message>
    <message>
        <source>Came through the Azure portal</source>
        <translation>Kwam via de Azure-portal</translation>
    </message>
    <message>
        <source>Came through Azure Marketplace</source>
        <translation>Kwam via Azure Marketplace</translation>
    </message>
    <message>
        <source>C-level</source>
        <translation>C-niveau</translation>
    </message>
    <message>
        <source>Vice president</source>
        <translation>Vicepresident</translation>
    </message>
    <message>
        <source>Director</source>
        <translation>Directeur</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>Individual contributor</source>
        <translation>Medewerker</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Student</translation>
    </message>
    <message>
        <source>Work email address</source>
        <translation>Zakelijk e-mailadres</translation>
    </message>
    <message>
        <source>Free-mail address</source>
        <translation>Gratis e-mailadres</translation>
    </message>
    <message>
        <source>No email address</source>
        <translation>Geen e-mailadres</translation>
    </message>
    <message>
        <source>Phone number known</source>
        <translation>Telefoonnummer bekend</translation>
    </message>
    <message>
        <source>Company known</source>
        <translation>Bedrijf bekend</translation>
    </message>
    <message>
        <source>In a target country</source>
        <translation>In een doelland</translation>
    </message>
    <message>
        <source>Came back to the marketplace</source>
        <translation>Kwam terug naar de marketplace</translation>
    </message>
    <message>
        <source>Recent marketplace activity</source>
        <translation>Recente activiteit in de marketplace</translation>
    </message>
    <message>
        <source>Capped at 100</source>
        <translation>Afgetopt op 100</translation>
    </message>
    <message>
        <source>Raised to 0: no score is below 0</source>
        <translation>Verhoogd tot 0: geen score ligt onder 0</translation>
    </message>
    <message>
        <source>Do not contact</source>
        <translation>Niet benaderen</translation>
    </message>
</context>
<context>
    <name>ScoringRulesModel</name>
    <message>
        <source>Latest action is %1</source>
        <translation>Laatste actie is %1</translation>
    </message>
    <message>
        <source>Came through %1</source>
        <translation>Binnengekomen via %1</translation>
    </message>
    <message>
        <source>Title is %1</source>
        <translation>Functie is %1</translation>
    </message>
    <message>
        <source>Email is %1</source>
        <translation>E-mailadres is %1</translation>
    </message>
    <message>
        <source>A phone number is known</source>
        <translation>Er is een telefoonnummer bekend</translation>
    </message>
    <message>
        <source>A company is known</source>
        <translation>Er is een bedrijf bekend</translation>
    </message>
    <message>
        <source>Country is one of %1</source>
        <translation>Land is een van %1</translation>
    </message>
    <message>
        <source>At least %1 marketplace events</source>
        <translation>Minstens %1 marketplace-gebeurtenissen</translation>
    </message>
    <message>
        <source>Full points on the day of the last event, none after %1 days</source>
        <translation>Alle punten op de dag van de laatste gebeurtenis, geen na %1 dagen</translation>
    </message>
    <message>
        <source>An action is one code such as INS, PLT or StartTestDrive.</source>
        <translation>Een actie is één code, zoals INS, PLT of StartTestDrive.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is no storefront: appsource, azure-marketplace, azure-portal or other.</source>
        <translation>&quot;%1&quot; is geen storefront: appsource, azure-marketplace, azure-portal of other.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is no seniority: c-level, vp, director, manager, individual, student or unknown.</source>
        <translation>&quot;%1&quot; is geen senioriteit: c-level, vp, director, manager, individual, student of unknown.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is no kind of email: corporate, free-mail or missing.</source>
        <translation>&quot;%1&quot; is geen soort e-mailadres: corporate, free-mail of missing.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is no two-letter country code (such as NL or US).</source>
        <translation>&quot;%1&quot; is geen landcode van twee letters (zoals NL of US).</translation>
    </message>
    <message>
        <source>Name at least one country code.</source>
        <translation>Noem minstens één landcode.</translation>
    </message>
    <message>
        <source>The number of events is a whole number from 1.</source>
        <translation>Het aantal gebeurtenissen is een geheel getal vanaf 1.</translation>
    </message>
    <message>
        <source>The days are a whole number from 1 to 3650.</source>
        <translation>Het aantal dagen is een geheel getal van 1 tot 3650.</translation>
    </message>
    <message>
        <source>This rule has nothing to set.</source>
        <translation>Deze regel heeft niets om in te stellen.</translation>
    </message>
    <message>
        <source>Shown in a lead&apos;s score explanation (rule %1)</source>
        <translation>Getoond in de scoreverklaring van een lead (regel %1)</translation>
    </message>
    <message>
        <source>A rule needs words a rep can read.</source>
        <translation>Een regel heeft woorden nodig die een verkoper kan lezen.</translation>
    </message>
    <message>
        <source>Points are a whole number from −100 to 100.</source>
        <translation>Punten zijn een geheel getal van −100 tot 100.</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Looks at</source>
        <translation>Kijkt naar</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Punten</translation>
    </message>
</context>
<context>
    <name>SearchIndexBuilder</name>
    <message>
        <source>cannot create a file beside %1 for the search index</source>
        <translation>kan naast %1 geen bestand voor de zoekindex aanmaken</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>kan %1 niet schrijven: %2</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>kan %1 niet openen: %2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>kan %1 niet lezen: %2</translation>
    </message>
    <message>
        <source>%1 ends in the middle of a record</source>
        <translation>%1 houdt midden in een record op</translation>
    </message>
    <message>
        <source>the search index was not built</source>
        <translation>de zoekindex is niet gebouwd</translation>
    </message>
    <message>
        <source>the database&apos;s search index has other options than %1</source>
        <translation>de zoekindex van de database heeft andere opties dan %1</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>J / Down</source>
        <translation>J / Omlaag</translation>
    </message>
    <message>
        <source>Next lead</source>
        <translation>Volgende lead</translation>
    </message>
    <message>
        <source>K / Up</source>
        <translation>K / Omhoog</translation>
    </message>
    <message>
        <source>Previous lead</source>
        <translation>Vorige lead</translation>
    </message>
    <message>
        <source>Last lead</source>
        <translation>Laatste lead</translation>
    </message>
    <message>
        <source>First lead</source>
        <translation>Eerste lead</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Open the lead panel</source>
        <translation>Het leadpaneel openen</translation>
    </message>
    <message>
        <source>/</source>
        <translation>/</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>De zoekopdracht wissen</translation>
    </message>
    <message>
        <source>1 … 8</source>
        <translation>1 … 8</translation>
    </message>
    <message>
        <source>Set the stage of the selected leads: New, Contacted, Nurturing, Qualified, Opportunity, Won, Lost, Disqualified</source>
        <translation>De fase van de geselecteerde leads instellen: Nieuw, Benaderd, Koesteren, Gekwalificeerd, Verkoopkans, Gewonnen, Verloren, Gediskwalificeerd</translation>
    </message>
    <message>
        <source>O</source>
        <translation>O</translation>
    </message>
    <message>
        <source>Assign the selected leads to me</source>
        <translation>De geselecteerde leads aan mij toewijzen</translation>
    </message>
    <message>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <source>Set the next follow-up of the selected leads</source>
        <translation>De volgende opvolging van de geselecteerde leads instellen</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>Een notitie toevoegen</translation>
    </message>
    <message>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <source>Log a touch with the current lead and plan the next follow-up</source>
        <translation>Een contactmoment met de huidige lead vastleggen en de volgende opvolging plannen</translation>
    </message>
    <message>
        <source>E</source>
        <translation>E</translation>
    </message>
    <message>
        <source>Enroll the selected leads in a cadence</source>
        <translation>De geselecteerde leads in een cadans inschrijven</translation>
    </message>
    <message>
        <source>Show or hide the Due queue</source>
        <translation>De opvolgwachtrij tonen of verbergen</translation>
    </message>
    <message>
        <source>Q</source>
        <translation>Q</translation>
    </message>
    <message>
        <source>Qualify the current lead</source>
        <translation>De huidige lead kwalificeren</translation>
    </message>
    <message>
        <source>V</source>
        <translation>V</translation>
    </message>
    <message>
        <source>Convert the current lead to an opportunity</source>
        <translation>De huidige lead omzetten in een verkoopkans</translation>
    </message>
    <message>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <source>Disqualify the current lead (asks why)</source>
        <translation>De huidige lead diskwalificeren (vraagt waarom)</translation>
    </message>
    <message>
        <source>Move the selected leads to the trash (asks first)</source>
        <translation>De geselecteerde leads naar de prullenbak verplaatsen (vraagt eerst)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Ongedaan maken</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Opnieuw uitvoeren</translation>
    </message>
    <message>
        <source>Copy the selected leads (tab-separated, with a header)</source>
        <translation>De geselecteerde leads kopiëren (gescheiden door tabs, met een kopregel)</translation>
    </message>
    <message>
        <source>Select every lead in view</source>
        <translation>Alle getoonde leads selecteren</translation>
    </message>
    <message>
        <source>Read everything again</source>
        <translation>Alles opnieuw lezen</translation>
    </message>
    <message>
        <source>Import leads from a CSV, Excel or JSON file (or drop the file on the window)</source>
        <translation>Leads importeren uit een CSV-, Excel- of JSON-bestand (of het bestand op het venster neerzetten)</translation>
    </message>
    <message>
        <source>This list</source>
        <translation>Deze lijst</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Sneltoetsen</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Toets</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>Wat het doet</translation>
    </message>
</context>
<context>
    <name>SlaReport</name>
    <message>
        <source>the SLA target must be at least 1 hour, not %1</source>
        <translation>het SLA-streefdoel moet minstens 1 uur zijn, niet %1</translation>
    </message>
    <message>
        <source>cannot store the SLA target: %1</source>
        <translation>kan het SLA-streefdoel niet opslaan: %1</translation>
    </message>
    <message>
        <source>cannot measure the first-touch SLA: %1</source>
        <translation>kan de SLA voor eerste contact niet meten: %1</translation>
    </message>
</context>
<context>
    <name>SqlStatement</name>
    <message>
        <source>the statement is not prepared</source>
        <translation>de opdracht is niet voorbereid</translation>
    </message>
</context>
<context>
    <name>Stage</name>
    <message>
        <source>New</source>
        <translation>Nieuw</translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation>Benaderd</translation>
    </message>
    <message>
        <source>Nurturing</source>
        <translation>Koesteren</translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation>Gekwalificeerd</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>Verkoopkans</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Gewonnen</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Verloren</translation>
    </message>
    <message>
        <source>Disqualified</source>
        <translation>Gediskwalificeerd</translation>
    </message>
</context>
<context>
    <name>StagePolicy</name>
    <message>
        <source>lead %1</source>
        <translation>lead %1</translation>
    </message>
    <message>
        <source>%1 is do-not-contact: it cannot move to %2</source>
        <translation>%1 is niet benaderen: deze kan niet naar %2</translation>
    </message>
    <message>
        <source>%1 needs a reason to be disqualified: disqualify it with one of %2</source>
        <translation>%1 heeft een reden nodig om gediskwalificeerd te worden: diskwalificeer met een van %2</translation>
    </message>
    <message>
        <source>%1: moving back from %2 to %3 needs a note saying why</source>
        <translation>%1: terug van %2 naar %3 vraagt om een notitie met de reden</translation>
    </message>
    <message>
        <source>%1 is do-not-contact: no %2 can be scheduled (a task can)</source>
        <translation>%1 is niet benaderen: er kan geen %2 gepland worden (een taak wel)</translation>
    </message>
    <message>
        <source>%1 is closed (%2): it gets no follow-up until it is reopened</source>
        <translation>%1 is afgesloten (%2): deze krijgt geen opvolging tot hij heropend is</translation>
    </message>
</context>
<context>
    <name>StoredLeadRows</name>
    <message>
        <source>cannot read the leads: %1</source>
        <translation>kan de leads niet lezen: %1</translation>
    </message>
</context>
<context>
    <name>Storefront</name>
    <message>
        <source>AppSource</source>
        <translation>AppSource</translation>
    </message>
    <message>
        <source>Azure Marketplace</source>
        <translation>Azure Marketplace</translation>
    </message>
    <message>
        <source>Azure portal</source>
        <translation>Azure-portal</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Overig</translation>
    </message>
</context>
<context>
    <name>StorefrontListModel</name>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Leads that arrived through %1</source>
        <translation>Leads die via %1 zijn binnengekomen</translation>
    </message>
    <message>
        <source>All leads, test leads excluded</source>
        <translation>Alle leads, zonder testleads</translation>
    </message>
    <message>
        <source>Could not count the storefront queues: %1</source>
        <translation>Kan de storefront-wachtrijen niet tellen: %1</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>Lead trend</source>
        <translation>Leadtrend</translation>
    </message>
    <message>
        <source>Leads per week by action</source>
        <translation>Leads per week per actie</translation>
    </message>
    <message>
        <source>Leads per week by storefront</source>
        <translation>Leads per week per storefront</translation>
    </message>
    <message>
        <source>Leads per month by action</source>
        <translation>Leads per maand per actie</translation>
    </message>
    <message>
        <source>Leads per month by storefront</source>
        <translation>Leads per maand per storefront</translation>
    </message>
    <message>
        <source>No leads in this selection</source>
        <translation>Geen leads in deze selectie</translation>
    </message>
    <message>
        <source>%1 from %2: %3 of %4 leads</source>
        <translation>%1 vanaf %2: %3 van %4 leads</translation>
    </message>
    <message numerus="yes">
        <source>Moving average (%n intervals)</source>
        <translation>
            <numerusform>Voortschrijdend gemiddelde (%n interval)</numerusform>
            <numerusform>Voortschrijdend gemiddelde (%n intervallen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Week (from Monday, UTC)</source>
        <translation>Week (vanaf maandag, UTC)</translation>
    </message>
    <message>
        <source>Month (UTC)</source>
        <translation>Maand (UTC)</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
</context>
<context>
    <name>WinDrivers</name>
    <message>
        <source>Single marketplace event</source>
        <translation>Eén gebeurtenis in de marketplace</translation>
    </message>
    <message>
        <source>Came back: 2 marketplace events</source>
        <translation>Kwam terug: 2 gebeurtenissen in de marketplace</translation>
    </message>
    <message>
        <source>Came back: 3 or more marketplace events</source>
        <translation>Kwam terug: 3 of meer gebeurtenissen in de marketplace</translation>
    </message>
    <message>
        <source>No marketplace action</source>
        <translation>Geen actie in de marketplace</translation>
    </message>
    <message>
        <source>Installed the offer</source>
        <translation>Heeft de aanbieding geïnstalleerd</translation>
    </message>
    <message>
        <source>Asked to be contacted</source>
        <translation>Vroeg om contact</translation>
    </message>
    <message>
        <source>Started a test drive</source>
        <translation>Startte een testrit</translation>
    </message>
    <message>
        <source>Bought in the Azure portal</source>
        <translation>Gekocht in de Azure-portal</translation>
    </message>
    <message>
        <source>Do not contact</source>
        <translation>Niet benaderen</translation>
    </message>
    <message>
        <source>Via AppSource</source>
        <translation>Via AppSource</translation>
    </message>
    <message>
        <source>Via Azure Marketplace</source>
        <translation>Via Azure Marketplace</translation>
    </message>
    <message>
        <source>Via the Azure portal</source>
        <translation>Via de Azure-portal</translation>
    </message>
    <message>
        <source>Via another storefront</source>
        <translation>Via een andere storefront</translation>
    </message>
    <message>
        <source>Corporate email</source>
        <translation>Zakelijk e-mailadres</translation>
    </message>
    <message>
        <source>Free-mail address</source>
        <translation>Gratis e-mailadres</translation>
    </message>
    <message>
        <source>No email address</source>
        <translation>Geen e-mailadres</translation>
    </message>
    <message>
        <source>No job title</source>
        <translation>Geen functie</translation>
    </message>
    <message>
        <source>Job title of unknown seniority</source>
        <translation>Functie van onbekend niveau</translation>
    </message>
    <message>
        <source>C-level</source>
        <translation>C-niveau</translation>
    </message>
    <message>
        <source>VP</source>
        <translation>VP</translation>
    </message>
    <message>
        <source>Director</source>
        <translation>Directeur</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>Individual contributor</source>
        <translation>Medewerker</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Student</translation>
    </message>
    <message>
        <source>No offer</source>
        <translation>Geen aanbieding</translation>
    </message>
    <message>
        <source>No country</source>
        <translation>Geen land</translation>
    </message>
    <message>
        <source>Has a phone number</source>
        <translation>Heeft een telefoonnummer</translation>
    </message>
    <message>
        <source>No phone number</source>
        <translation>Geen telefoonnummer</translation>
    </message>
    <message>
        <source>Has a company name</source>
        <translation>Heeft een bedrijfsnaam</translation>
    </message>
    <message>
        <source>No company name</source>
        <translation>Geen bedrijfsnaam</translation>
    </message>
    <message>
        <source>Offer %1</source>
        <translation>Aanbieding %1</translation>
    </message>
    <message>
        <source>Country %1</source>
        <translation>Land %1</translation>
    </message>
    <message>
        <source>Action %1</source>
        <translation>Actie %1</translation>
    </message>
</context>
<context>
    <name>WinHistoryReader</name>
    <message>
        <source>cannot read the closed leads: %1</source>
        <translation>kan de afgesloten leads niet lezen: %1</translation>
    </message>
    <message>
        <source>cannot count the closed leads: %1</source>
        <translation>kan de afgesloten leads niet tellen: %1</translation>
    </message>
</context>
<context>
    <name>WinModel</name>
    <message>
        <source>win model: &quot;%1&quot; must be a number</source>
        <translation>winkansmodel: &quot;%1&quot; moet een getal zijn</translation>
    </message>
    <message>
        <source>win model: &quot;%1&quot; must be an object</source>
        <translation>winkansmodel: &quot;%1&quot; moet een object zijn</translation>
    </message>
    <message>
        <source>win model: %1 &quot;%2&quot; must be a number</source>
        <translation>winkansmodel: %1 &quot;%2&quot; moet een getal zijn</translation>
    </message>
    <message>
        <source>win model: &quot;kind&quot; is &quot;%1&quot;, not &quot;%2&quot;</source>
        <translation>winkansmodel: &quot;kind&quot; is &quot;%1&quot;, niet &quot;%2&quot;</translation>
    </message>
    <message>
        <source>win model: format %1 is not one this version reads (1 to %2)</source>
        <translation>winkansmodel: formaat %1 kan deze versie niet lezen (1 tot en met %2)</translation>
    </message>
    <message>
        <source>win model: %1 wins out of %2 examples is impossible</source>
        <translation>winkansmodel: %1 gewonnen van %2 voorbeelden is onmogelijk</translation>
    </message>
</context>
<context>
    <name>WinModelPanel</name>
    <message>
        <source>Win probability</source>
        <translation>Winkans</translation>
    </message>
    <message>
        <source>The win probability is learned from this database&apos;s closed leads, won against lost. To see how far it can be trusted, it is trained on the older 80 % and tested on the newest 20 %: the leads it will be used on close after the ones it learned from.</source>
        <translation>De winkans wordt geleerd uit de afgesloten leads van deze database, gewonnen tegenover verloren. Om te zien hoe betrouwbaar ze is, wordt ze getraind op de oudste 80 % en getest op de nieuwste 20 %: de leads waarop ze wordt toegepast, sluiten af na de leads waaruit ze leerde.</translation>
    </message>
    <message>
        <source>&amp;Measure now</source>
        <translation>Nu &amp;meten</translation>
    </message>
    <message>
        <source>Measure the win probability</source>
        <translation>De winkans meten</translation>
    </message>
    <message>
        <source>Not measured yet.</source>
        <translation>Nog niet gemeten.</translation>
    </message>
    <message>
        <source>How well the win probability predicts</source>
        <translation>Hoe goed de winkans voorspelt</translation>
    </message>
    <message>
        <source>Calibration per tenth of the predictions</source>
        <translation>Kalibratie per tiende van de voorspellingen</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>Voorspeld</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>Mean predicted</source>
        <translation>Gemiddeld voorspeld</translation>
    </message>
    <message>
        <source>Actually won</source>
        <translation>Werkelijk gewonnen</translation>
    </message>
    <message>
        <source>Reading the closed leads and measuring…</source>
        <translation>De afgesloten leads worden gelezen en gemeten…</translation>
    </message>
    <message>
        <source>Could not measure: %1</source>
        <translation>Kan niet meten: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not enough history.&lt;/b&gt; %1 closed leads; the win probability is given from %2 on. Until then no lead shows one.</source>
        <translation>&lt;b&gt;Niet genoeg geschiedenis.&lt;/b&gt; %1 afgesloten leads; de winkans wordt gegeven vanaf %2. Tot dan toont geen enkele lead er een.</translation>
    </message>
    <message>
        <source>Not enough closed leads yet</source>
        <translation>Nog niet genoeg afgesloten leads</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>n.v.t.</translation>
    </message>
    <message>
        <source>Tested on the newest %1 of %2 closed leads (%3 won), after learning from the %4 before them: &lt;b&gt;AUC %5&lt;/b&gt; for the win probability, %6 for the rule score. An AUC of 0.5 is a coin toss, 1.0 a perfect ranking. Measured in %7 s.</source>
        <translation>Getest op de nieuwste %1 van %2 afgesloten leads (%3 gewonnen), na te hebben geleerd van de %4 daarvoor: &lt;b&gt;AUC %5&lt;/b&gt; voor de winkans, %6 voor de regelscore. Een AUC van 0,5 is kop of munt, 1,0 een perfecte rangschikking. Gemeten in %7 s.</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
</context>
<context>
    <name>WinModelStore</name>
    <message>
        <source>cannot store the win model: %1</source>
        <translation>kan het winkansmodel niet opslaan: %1</translation>
    </message>
    <message>
        <source>cannot forget the win model: %1</source>
        <translation>kan het winkansmodel niet wissen: %1</translation>
    </message>
    <message>
        <source>cannot read the win model: %1</source>
        <translation>kan het winkansmodel niet lezen: %1</translation>
    </message>
    <message>
        <source>the stored win model (meta key &quot;%1&quot;) is not a JSON object: %2</source>
        <translation>het opgeslagen winkansmodel (metasleutel &quot;%1&quot;) is geen JSON-object: %2</translation>
    </message>
    <message>
        <source>the stored win model (meta key &quot;%1&quot;) is unreadable: %2</source>
        <translation>het opgeslagen winkansmodel (metasleutel &quot;%1&quot;) is onleesbaar: %2</translation>
    </message>
</context>
<context>
    <name>XlsxLeadWriter</name>
    <message>
        <source>cannot create the workbook %1</source>
        <translation>kan de werkmap %1 niet aanmaken</translation>
    </message>
    <message>
        <source>cannot add a worksheet</source>
        <translation>kan geen werkblad toevoegen</translation>
    </message>
    <message>
        <source>cannot write row %1: %2</source>
        <translation>kan rij %1 niet schrijven: %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>kan %1 niet schrijven: %2</translation>
    </message>
</context>
<context>
    <name>XlsxReader</name>
    <message>
        <source>is damaged: %1, line %2: %3</source>
        <translation>is beschadigd: %1, regel %2: %3</translation>
    </message>
    <message>
        <source>cannot be opened: %1</source>
        <translation>kan niet worden geopend: %1</translation>
    </message>
    <message>
        <source>is empty, not an Excel workbook</source>
        <translation>is leeg, geen Excel-werkmap</translation>
    </message>
    <message>
        <source>is an Excel 97-2003 workbook (.xls); save it from Excel as .xlsx</source>
        <translation>is een Excel 97-2003-werkmap (.xls); sla het in Excel op als .xlsx</translation>
    </message>
    <message>
        <source>is not an Excel workbook (.xlsx): it is no ZIP archive</source>
        <translation>is geen Excel-werkmap (.xlsx): het is geen ZIP-archief</translation>
    </message>
    <message>
        <source>is damaged: its ZIP archive cannot be read</source>
        <translation>is beschadigd: het ZIP-archief kan niet worden gelezen</translation>
    </message>
    <message>
        <source>is a ZIP archive but no Excel workbook: it has no %1</source>
        <translation>is een ZIP-archief maar geen Excel-werkmap: het heeft geen %1</translation>
    </message>
    <message>
        <source>has no sheets</source>
        <translation>heeft geen werkbladen</translation>
    </message>
    <message>
        <source>has no sheet named &quot;%1&quot;; its sheets are %2</source>
        <translation>heeft geen werkblad met de naam &quot;%1&quot;; de werkbladen zijn %2</translation>
    </message>
    <message>
        <source>is damaged: %1 does not say where the sheet &quot;%2&quot; is</source>
        <translation>is beschadigd: %1 zegt niet waar het werkblad &quot;%2&quot; staat</translation>
    </message>
    <message>
        <source>is damaged: the sheet &quot;%1&quot; (%2) is missing</source>
        <translation>is beschadigd: het werkblad &quot;%1&quot; (%2) ontbreekt</translation>
    </message>
    <message>
        <source>cell %1 refers to shared string %2; the workbook has %3</source>
        <translation>cel %1 verwijst naar gedeelde tekst %2; de werkmap heeft er %3</translation>
    </message>
    <message>
        <source>cell %1 holds &quot;%2&quot;, which is no number</source>
        <translation>cel %1 bevat &quot;%2&quot;, en dat is geen getal</translation>
    </message>
    <message>
        <source>has a cell &quot;%1&quot; that is no cell of a sheet</source>
        <translation>heeft een cel &quot;%1&quot; die geen cel van een werkblad is</translation>
    </message>
    <message>
        <source>is damaged: %1 cannot be uncompressed (error %2)</source>
        <translation>is beschadigd: %1 kan niet worden uitgepakt (fout %2)</translation>
    </message>
    <message>
        <source>has a value in column %1, beyond the header&apos;s %2 column</source>
        <translation>heeft een waarde in kolom %1, voorbij de %2 kolom van de kopregel</translation>
    </message>
    <message>
        <source>has a value in column %1, beyond the header&apos;s %2 columns</source>
        <translation>heeft een waarde in kolom %1, voorbij de %2 kolommen van de kopregel</translation>
    </message>
</context>
<context>
    <name>XlsxTableWriter</name>
    <message>
        <source>cannot create %1</source>
        <translation>kan %1 niet aanmaken</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>kan %1 niet schrijven: %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Leadbench</source>
        <translation>Leadbench</translation>
    </message>
    <message>
        <source>Desktop lead workbench for Microsoft marketplace publishers</source>
        <translation>Werkbank voor leads op de desktop, voor uitgevers op de marketplace van Microsoft</translation>
    </message>
    <message>
        <source>The lead database: a SQLite file or a postgresql://user@host:port/db URL.</source>
        <translation>De leaddatabase: een SQLite-bestand of een URL postgresql://gebruiker@host:poort/db.</translation>
    </message>
    <message>
        <source>PATH|URL</source>
        <translation>PAD|URL</translation>
    </message>
    <message>
        <source>Save pictures of the main views into FOLDER, then quit.</source>
        <translation>Afbeeldingen van de hoofdweergaven in MAP opslaan en dan afsluiten.</translation>
    </message>
    <message>
        <source>FOLDER</source>
        <translation>MAP</translation>
    </message>
    <message>
        <source>Time the first paint, scrolling, a filter and a sort on this database, print them as one JSON line, and quit.</source>
        <translation>De eerste weergave, het scrollen, een filter en een sortering op deze database timen, ze als één JSON-regel afdrukken en afsluiten.</translation>
    </message>
    <message>
        <source>Use a dark palette.</source>
        <translation>Een donker palet gebruiken.</translation>
    </message>
    <message>
        <source>Speak LANGUAGE (%1) in this run, whatever Settings → Language says.</source>
        <translation>Bij deze start TAAL (%1) gebruiken, wat Instellingen → Taal ook zegt.</translation>
    </message>
    <message>
        <source>LANGUAGE</source>
        <translation>TAAL</translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot; for --lang: Leadbench speaks %2.</source>
        <translation>Onbekende taal &quot;%1&quot; voor --lang: Leadbench kent %2.</translation>
    </message>
</context>
</TS>
