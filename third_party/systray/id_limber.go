package systray

import "sync"

// Limber patch: a fixed StatusNotifierItem Id. See README.md.

// itemID is the Id given to SetID; "" means upstream's choice.
var itemID struct {
	sync.Mutex
	id string
}

// SetID sets the identifier the tray item is exported with on Linux and
// the BSDs (the StatusNotifierItem Id property). Hosts remember items by
// it, for instance which ones the user hid, so it should name the
// application and never change. Call it before Run: the Id is read once,
// when the item is exported. Without it, the title at that moment is used
// (upstream behaviour), or "systray_<pid>" when there is none.
// Other platforms ignore it.
func SetID(id string) {
	itemID.Lock()
	defer itemID.Unlock()
	itemID.id = id
}

func getID() string {
	itemID.Lock()
	defer itemID.Unlock()
	return itemID.id
}
