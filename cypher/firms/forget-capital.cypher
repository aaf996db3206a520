// Every firm whose capital is given in $currency, when the table no longer has a rate for it:
// its capital in 万元 is unknown (the amount and currency as given stay).
// params: $currency
// returns: nothing
MATCH (f:Firm)
WHERE f.capitalCurrency = $currency
SET f.capital = NULL
