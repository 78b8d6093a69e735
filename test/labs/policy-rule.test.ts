// Lab 08's solution ships a mocha test for the attendee's rule: it runs with the suite, so the
// rule the guide builds towards stays correct.
import "../../labs/08-policy-as-code/solution/rule.test";
