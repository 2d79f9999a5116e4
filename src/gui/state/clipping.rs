//! A clipping pasted from the clipboard: read on a thread of its own (the
//! clipboard may keep it waiting), then shown in the new-clipping sheet,
//! the fields Folio found editable over the text as it will be stored,
//! until the user saves it (stored as an import stores a file: a duplicate
//! is caught and named) or cancels (nothing is stored).

use super::outbox::{Effect, Outbox};
use crate::gui::clipboard::{ClipboardSource, clipping_from};
use crate::gui::details::DetailsForm;
use crate::gui::worker::{Request, Response};
use crate::ingest::pipeline::Outcome;
use crate::model::FoundArticle;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

#[derive(Debug, Clone, PartialEq)]
pub enum ClippingAction {
    /// Read the clipboard (Ctrl+V hands the text it already read).
    Paste(Option<String>),
    /// The sheet's fields as typed so far.
    Typed(Box<DetailsForm>),
    Save,
    Cancel,
}

/// The new-clipping sheet: what was pasted, and the fields as the user
/// has them now.
#[derive(Debug, Clone, PartialEq)]
pub struct ClippingSheet {
    pub found: FoundArticle,
    pub form: DetailsForm,
    /// Why Save was refused (a date Folio cannot read, a duplicate).
    pub problem: Option<String>,
    /// Sent to the library; the answer has not come yet.
    pub saving: bool,
}

type Read = Result<FoundArticle, String>;

pub struct ClippingState {
    source: Arc<dyn ClipboardSource>,
    read: (Sender<Read>, Receiver<Read>),
    /// The clipboard is being read.
    pub reading: bool,
    pub sheet: Option<ClippingSheet>,
}

impl ClippingState {
    pub fn new(source: Arc<dyn ClipboardSource>) -> ClippingState {
        ClippingState {
            source,
            read: channel(),
            reading: false,
            sheet: None,
        }
    }

    /// Why pasting cannot work here, for the menu to say.
    pub fn unavailable(&self) -> Option<String> {
        self.source.unavailable()
    }

    pub fn apply(&mut self, action: ClippingAction, ctx: &egui::Context, out: &mut Outbox) {
        match action {
            ClippingAction::Paste(typed) => self.paste(typed, ctx, out),
            ClippingAction::Typed(form) => {
                if let Some(sheet) = &mut self.sheet {
                    sheet.form = *form;
                }
            }
            ClippingAction::Save => self.save(out),
            ClippingAction::Cancel => self.sheet = None,
        }
    }

    /// Reads the clipboard on a helper thread; its answer is taken in by
    /// [`ClippingState::poll`]. A paste while the sheet is open is not
    /// taken: what was typed there is not thrown away.
    fn paste(&mut self, typed: Option<String>, ctx: &egui::Context, out: &mut Outbox) {
        if self.sheet.is_some() || self.reading {
            return;
        }
        if let Some(why) = self.source.unavailable() {
            // Ctrl+V's own text still makes a clipping without a clipboard
            // Folio can read itself.
            if typed.is_none() {
                out.say(format!("Cannot paste a clipping: {why}."));
                return;
            }
        }
        self.reading = true;
        let source = self.source.clone();
        let reply = self.read.0.clone();
        let wake = ctx.clone();
        std::thread::spawn(move || {
            let pasted = match source.read() {
                Ok(pasted) => pasted,
                Err(_) if typed.is_some() => Default::default(),
                Err(why) => {
                    let _ = reply.send(Err(format!("Cannot paste a clipping: {why}.")));
                    wake.request_repaint();
                    return;
                }
            };
            let _ = reply.send(clipping_from(pasted, typed));
            wake.request_repaint();
        });
    }

    /// Takes in what the clipboard held, as a sheet to check and save.
    pub fn poll(&mut self, out: &mut Outbox) {
        while let Ok(read) = self.read.1.try_recv() {
            self.reading = false;
            match read {
                Ok(found) => {
                    self.sheet = Some(ClippingSheet {
                        form: DetailsForm::from_meta(&found.meta),
                        found,
                        problem: None,
                        saving: false,
                    })
                }
                Err(why) => out.say(why),
            }
        }
    }

    /// Stores the clipping with the fields as typed, unless one is wrong.
    fn save(&mut self, out: &mut Outbox) {
        let Some(sheet) = &mut self.sheet else {
            return;
        };
        if sheet.saving {
            return;
        }
        match sheet.form.to_details(&sheet.found.meta) {
            Ok(meta) => {
                sheet.problem = None;
                sheet.saving = true;
                let found = FoundArticle {
                    meta,
                    ..sheet.found.clone()
                };
                out.send(Request::SaveClipping(Box::new(found)));
            }
            Err(problem) => sheet.problem = Some(problem),
        }
    }

    /// The library could not take the clipping (the message says why
    /// under the window): the sheet stays, to save again or cancel.
    pub fn failed(&mut self) {
        if let Some(sheet) = &mut self.sheet {
            sheet.saving = false;
        }
    }

    /// Whether the fields are still as Folio found them: only then do Esc
    /// and a click beside the sheet close it, so nothing typed is lost.
    pub fn untouched(&self) -> bool {
        self.sheet
            .as_ref()
            .is_none_or(|s| s.form == DetailsForm::from_meta(&s.found.meta))
    }

    /// Takes in the library's answer to Save.
    pub fn receive(&mut self, response: Response, out: &mut Outbox) {
        let Response::ClippingSaved { outcome, title } = response else {
            return;
        };
        let Some(sheet) = &mut self.sheet else {
            return;
        };
        sheet.saving = false;
        match outcome {
            Outcome::Imported { id, title } => {
                self.sheet = None;
                out.say(format!("Saved “{title}”"));
                out.then(Effect::ShowImported(vec![id]));
                out.then(Effect::Open(Some(id)));
                out.then(Effect::Refresh);
            }
            // The same text is already here: the sheet stays, saying which
            // article it is, for the user to cancel or change.
            Outcome::Duplicate { id } | Outcome::Merged { id, .. } => {
                let title = title.unwrap_or_else(|| format!("article #{id}"));
                sheet.problem = Some(format!(
                    "Already in the library: “{title}” (#{id}) has this text. Cancel, or correct the text of that one."
                ));
            }
            Outcome::Failed { reason } | Outcome::Skipped { reason } => {
                sheet.problem = Some(format!("Not saved: {reason}"));
            }
        }
    }
}
