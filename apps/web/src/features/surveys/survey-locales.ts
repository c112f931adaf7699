// SurveyJS's own strings (buttons, progress, required-answer messages) in French and Norwegian; English is built in.
// Imported for its effect by whatever renders a SurveyJS model.
import 'survey-core/i18n/french';
import 'survey-core/i18n/norwegian';
