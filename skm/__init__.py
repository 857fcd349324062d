"""The SKM method (PermenPANRB 14/2017), pure: questionnaire, index, grades, periods, analyses."""
